#include "host/inputs.hpp"

#include <fnmatch.h>
#include <glob.h>

#include <algorithm>
#include <unordered_set>

namespace docpipe::host {

namespace fs = std::filesystem;

namespace {
bool matches_any(const std::vector<std::string>& patterns, const fs::path& p) {
  auto name = p.filename().string();
  for (const auto& pat : patterns)
    if (fnmatch(pat.c_str(), name.c_str(), 0) == 0 || fnmatch(pat.c_str(), p.c_str(), 0) == 0)
      return true;
  return false;
}
bool is_hidden(const fs::path& p) {
  auto n = p.filename().string();
  return !n.empty() && n[0] == '.';
}
struct FirstOfPair {
  std::size_t operator()(const std::pair<std::uint64_t, std::uint64_t>& p) const { return p.first; }
};
// The order of std::filesystem::path (name by name) on path texts: a
// separator sorts before any character, as the end of a name does.
bool path_order(const std::string& a, const std::string& b) {
  const std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (a[i] == b[i]) continue;
    if (a[i] == '/') return true;
    if (b[i] == '/') return false;
    return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]);
  }
  return a.size() < b.size();
}
}  // namespace

bool is_lock_file(const fs::path& p) {
  auto n = p.filename().string();
  return n.rfind("~$", 0) == 0 || n.rfind(".~lock.", 0) == 0;
}

InputScan scan_inputs(const std::vector<std::string>& paths,
                      const std::vector<std::string>& include,
                      const std::vector<std::string>& exclude, bool recursive) {
  InputScan scan;
  // The canonical paths seen, as two independent 64-bit hashes (FNV-1a and
  // the standard library's): a set of the texts took about 130 bytes an
  // input, and a collection has hundreds of thousands. Two files that meet
  // in both hashes are not to be expected.
  std::unordered_set<std::pair<std::uint64_t, std::uint64_t>, FirstOfPair> seen;
  auto consider = [&](const fs::path& file, const fs::path& reldir) {
    if (is_lock_file(file)) {
      scan.notes.push_back(file.string() + ": skipped: editor lock file, not a document");
      return;
    }
    if (!include.empty() && !matches_any(include, file)) return;
    if (matches_any(exclude, file)) return;
    std::error_code ec;
    const auto canonical = fs::weakly_canonical(file, ec);
    const auto& text = canonical.native();
    if (!seen.insert({fnv1a_64(text), std::hash<std::string>{}(text)}).second) return;
    scan.items.push_back({file, reldir, {}, scan.items.size()});
  };
  for (const auto& raw : paths) {
    std::vector<fs::path> roots;
    if (raw.find_first_of("*?[") != std::string::npos) {
      glob_t g{};
      if (glob(raw.c_str(), 0, nullptr, &g) == 0)
        for (size_t i = 0; i < g.gl_pathc; ++i) roots.emplace_back(g.gl_pathv[i]);
      globfree(&g);
      if (roots.empty()) scan.errors.push_back(raw + ": no file matches this pattern");
    } else {
      roots.emplace_back(raw);
    }
    for (const auto& root : roots) {
      std::error_code ec;
      if (fs::is_regular_file(root, ec)) {
        consider(root, "");
      } else if (fs::is_directory(root, ec)) {
        // Texts, not paths (see `seen`), in the order of paths.
        std::vector<std::string> files;
        auto add = [&](const fs::directory_entry& e) {
          if (e.is_regular_file()) files.push_back(e.path().native());
        };
        if (recursive) {
          for (auto it = fs::recursive_directory_iterator(
                   root, fs::directory_options::skip_permission_denied, ec);
               it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (is_hidden(it->path()) && !is_lock_file(it->path())) {
              if (it->is_directory()) it.disable_recursion_pending();
              continue;
            }
            add(*it);
          }
        } else {
          for (const auto& e : fs::directory_iterator(root, ec))
            if (!is_hidden(e.path()) || is_lock_file(e.path())) add(e);
        }
        std::sort(files.begin(), files.end(), path_order);
        for (auto& f : files) {
          const fs::path file(std::move(f));
          consider(file, file.parent_path().lexically_relative(root));
        }
      } else {
        scan.errors.push_back(root.string() + ": no such file or directory");
      }
    }
  }
  disambiguate_stems(scan.items);
  return scan;
}

std::string common_directory(const std::vector<std::string>& dirs) {
  if (dirs.empty()) return "";
  auto normal = [](const std::string& d) {
    auto p = fs::path(d.empty() ? "." : d).lexically_normal();
    // "in/" normalizes to "in/" (an empty last name): the folder is "in".
    return p.has_filename() || p == p.root_path() ? p : p.parent_path();
  };
  fs::path common = normal(dirs.front());
  for (std::size_t i = 1; i < dirs.size(); ++i) {
    const fs::path d = normal(dirs[i]);
    if (d.is_absolute() != common.is_absolute()) return "";
    fs::path shared;
    for (auto a = common.begin(), b = d.begin(); a != common.end() && b != d.end() && *a == *b;
         ++a, ++b)
      shared /= *a;
    common = shared;
  }
  return common.empty() ? "." : common.string();
}

std::string input_root(const std::vector<std::string>& paths) {
  std::vector<std::string> dirs;
  for (const auto& raw : paths) {
    fs::path folder;
    if (raw.find_first_of("*?[") != std::string::npos) {
      for (const auto& part : fs::path(raw)) {
        if (part.native().find_first_of("*?[") != std::string::npos) break;
        folder /= part;
      }
    } else {
      std::error_code ec;
      folder = fs::is_directory(raw, ec) ? fs::path(raw) : fs::path(raw).parent_path();
    }
    dirs.push_back(folder.string());
  }
  return common_directory(dirs);
}

void disambiguate_stems(InputList& items) {
  // Keyed by directory and stem, as a text: "<directory>\0<stem>".
  auto keys_of = [&](std::size_t i, const std::function<void(std::string_view)>& add) {
    const fs::path p(items.path(i));
    add(p.parent_path().native() + '\0' + p.stem().native());
  };
  for (const auto& [_, users] : shared_keys(items.size(), keys_of))
    for (auto i : users) items.set_stem(i, fs::path(items.path(i)).filename().string());
}

}  // namespace docpipe::host

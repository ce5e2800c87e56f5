#include "host/inputs.hpp"

#include <fnmatch.h>
#include <glob.h>

#include <algorithm>
#include <map>
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
}  // namespace

bool is_lock_file(const fs::path& p) {
  auto n = p.filename().string();
  return n.rfind("~$", 0) == 0 || n.rfind(".~lock.", 0) == 0;
}

InputScan scan_inputs(const std::vector<std::string>& paths,
                      const std::vector<std::string>& include,
                      const std::vector<std::string>& exclude, bool recursive) {
  InputScan scan;
  // Strings, not paths: a std::filesystem::path also keeps a list of its
  // components, several times the size of its text, and a collection has
  // hundreds of thousands of inputs.
  std::unordered_set<std::string> seen;
  auto consider = [&](const fs::path& file, const fs::path& reldir) {
    if (is_lock_file(file)) {
      scan.notes.push_back(file.string() + ": skipped: editor lock file, not a document");
      return;
    }
    if (!include.empty() && !matches_any(include, file)) return;
    if (matches_any(exclude, file)) return;
    std::error_code ec;
    if (!seen.insert(fs::weakly_canonical(file, ec).native()).second) return;
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
        std::vector<fs::path> files;
        auto add = [&](const fs::directory_entry& e) {
          if (e.is_regular_file()) files.push_back(e.path());
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
        std::sort(files.begin(), files.end());
        for (const auto& f : files) consider(f, f.parent_path().lexically_relative(root));
      } else {
        scan.errors.push_back(root.string() + ": no such file or directory");
      }
    }
  }
  disambiguate_stems(scan.items);
  return scan;
}

void disambiguate_stems(std::vector<InputItem>& items) {
  std::map<std::pair<fs::path, std::string>, int> seen;
  for (const auto& it : items) ++seen[{it.path.parent_path(), it.path.stem().string()}];
  for (auto& it : items)
    if (seen[{it.path.parent_path(), it.path.stem().string()}] > 1)
      it.stem = it.path.filename().string();
}

}  // namespace docpipe::host

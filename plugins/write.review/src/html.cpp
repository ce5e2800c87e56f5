#include "html.hpp"

#include "docpipe/char_diff.hpp"
#include "docpipe/text.hpp"

namespace docpipe::review {

namespace fs = std::filesystem;

void append_escaped(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
}

std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  append_escaped(out, s);
  return out;
}

std::string href(const fs::path& relative) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : relative.generic_string()) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string relative_href(const fs::path& target, const fs::path& from_dir) {
  std::error_code ec;
  auto t = fs::weakly_canonical(fs::absolute(target), ec);
  if (ec) t = fs::absolute(target).lexically_normal();
  auto d = fs::weakly_canonical(fs::absolute(from_dir), ec);
  if (ec) d = fs::absolute(from_dir).lexically_normal();
  return href(t.lexically_relative(d));
}

std::string script_json(const nlohmann::json& j) {
  const std::string raw = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(raw.size() + 64);
  for (char c : raw) {
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else
      out += c;
  }
  return out;
}

std::string change_html(const std::string& before, const std::string& after, std::size_t context,
                        std::size_t max_run) {
  return change_html(text::diff_chars(text::to_u32(before), text::to_u32(after)), context, max_run);
}

std::string change_html(std::vector<text::DiffPiece> pieces, std::size_t context,
                        std::size_t max_run) {
  text::shorten_kept(pieces, context);
  std::string out;
  for (const auto& p : pieces) {
    std::u32string t = p.text;
    if (p.op != 0 && t.size() > max_run) t = t.substr(0, max_run) + U"…";
    if (p.op < 0) out += "<del>";
    if (p.op > 0) out += "<ins>";
    append_escaped(out, text::to_utf8(t));
    if (p.op < 0) out += "</del>";
    if (p.op > 0) out += "</ins>";
  }
  return out;
}

std::string clip(std::string_view s, std::size_t max_chars) {
  std::u32string u = text::to_u32(s);
  if (u.size() <= max_chars) return std::string(s);
  return text::to_utf8(u.substr(0, max_chars)) + "…";
}

}  // namespace docpipe::review

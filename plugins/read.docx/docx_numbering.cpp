#include "docx_numbering.hpp"

#include <cstdlib>
#include <docpipe/text.hpp>

#include "docx_xml.hpp"

namespace docpipe::readers {
using namespace ooxml;
namespace {

std::string chinese_counting(int n) {
  static const char* digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n <= 0) return std::to_string(n);
  if (n >= 10000) return std::to_string(n);
  static const char* units[] = {"", "十", "百", "千"};
  std::string out;
  int pos[4] = {n % 10, n / 10 % 10, n / 100 % 10, n / 1000};
  bool zero_pending = false;
  for (int i = 3; i >= 0; --i) {
    int d = pos[i];
    if (d == 0) {
      if (!out.empty()) zero_pending = true;
      continue;
    }
    if (zero_pending) out += digits[0], zero_pending = false;
    // 10..19 are written 十, 十一 ... not 一十.
    if (!(i == 1 && d == 1 && n < 20)) out += digits[d];
    out += units[i];
  }
  return out;
}

std::string roman(int n, bool upper) {
  if (n <= 0 || n >= 4000) return std::to_string(n);
  static const std::pair<int, const char*> table[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string out;
  for (auto [v, s] : table)
    while (n >= v) out += s, n -= v;
  if (upper)
    for (auto& c : out) c = static_cast<char>(c - 'a' + 'A');
  return out;
}

// Word's letters repeat rather than carry: 27 -> "aa", 28 -> "bb".
std::string letters(int n, bool upper) {
  if (n <= 0) return std::to_string(n);
  char c = static_cast<char>((upper ? 'A' : 'a') + (n - 1) % 26);
  return std::string(static_cast<std::size_t>((n - 1) / 26 + 1), c);
}

std::string cycle(int n, std::u32string_view items) {
  if (n <= 0) return std::to_string(n);
  return text::to_utf8(items.substr(static_cast<std::size_t>(n - 1) % items.size(), 1));
}

// A level not used since its last restart.
constexpr int kUnset = -1000000;

}  // namespace

std::string format_number(int n, const std::string& f) {
  if (f == "chineseCounting" || f == "chineseCountingThousand" || f == "japaneseCounting" ||
      f == "chineseLegalSimplified" || f == "taiwaneseCounting" ||
      // LibreOffice writes its "一, 二, 三, ..." numbering as this one.
      f == "taiwaneseCountingThousand")
    return chinese_counting(n);
  if (f == "upperRoman") return roman(n, true);
  if (f == "lowerRoman") return roman(n, false);
  if (f == "upperLetter") return letters(n, true);
  if (f == "lowerLetter") return letters(n, false);
  if (f == "ideographTraditional") return cycle(n, U"甲乙丙丁戊己庚辛壬癸");
  if (f == "ideographZodiac") return cycle(n, U"子丑寅卯辰巳午未申酉戌亥");
  if (f == "decimalEnclosedCircle" || f == "decimalEnclosedCircleChinese")
    return n >= 1 && n <= 20
               ? text::to_utf8(std::u32string(1, static_cast<char32_t>(0x2460 + n - 1)))
               : std::to_string(n);
  if (f == "decimalEnclosedParen")
    return n >= 1 && n <= 20
               ? text::to_utf8(std::u32string(1, static_cast<char32_t>(0x2474 + n - 1)))
               : "(" + std::to_string(n) + ")";
  if (f == "decimalFullWidth" || f == "decimalFullWidth2") {
    std::u32string u;
    for (char c : std::to_string(n)) u += static_cast<char32_t>(0xFF10 + (c - '0'));
    return text::to_utf8(u);
  }
  if (f == "decimalZero") return n < 10 ? "0" + std::to_string(n) : std::to_string(n);
  if (f == "none") return "";
  return std::to_string(n);  // decimal and formats we do not spell out
}

void DocxNumbering::load(const pugi::xml_document& xml) {
  auto read_level = [](const pugi::xml_node& l) {
    Level lv;
    if (auto s = child(l, "start")) lv.start = std::atoi(val(s).c_str());
    if (auto f = child(l, "numFmt")) lv.fmt = val(f);
    if (auto t = child(l, "lvlText")) lv.text = val(t);
    if (auto r = child(l, "lvlRestart")) lv.restart = std::atoi(val(r).c_str());
    lv.legal = on_off(child(l, "isLgl"));
    if (auto s = child(l, "suff")) lv.suffix = val(s);
    return lv;
  };
  auto root = xml.document_element();
  for (auto n : root.children()) {
    if (local(n) == "abstractNum") {
      Abstract a;
      for (auto l : n.children())
        if (local(l) == "lvl") a.levels[std::atoi(val(l, "ilvl").c_str())] = read_level(l);
      abstracts_[val(n, "abstractNumId")] = std::move(a);
    } else if (local(n) == "num") {
      Num num;
      num.abstract_id = val(child(n, "abstractNumId"));
      for (auto o : n.children()) {
        if (local(o) != "lvlOverride") continue;
        int il = std::atoi(val(o, "ilvl").c_str());
        if (auto so = child(o, "startOverride"))
          num.start_override[il] = std::atoi(val(so).c_str());
        if (auto l = child(o, "lvl")) num.level_override[il] = read_level(l);
      }
      nums_[val(n, "numId")] = std::move(num);
    }
  }
}

const DocxNumbering::Level* DocxNumbering::level(const Num& num, int ilvl) const {
  if (auto it = num.level_override.find(ilvl); it != num.level_override.end()) return &it->second;
  auto a = abstracts_.find(num.abstract_id);
  if (a == abstracts_.end()) return nullptr;
  auto it = a->second.levels.find(ilvl);
  return it == a->second.levels.end() ? nullptr : &it->second;
}

ListLabel DocxNumbering::next(const std::string& num_id, int ilvl) {
  auto nit = nums_.find(num_id);
  if (nit == nums_.end() || ilvl < 0 || ilvl > 8) return {};
  const Num& num = nit->second;
  const Level* lv = level(num, ilvl);
  if (!lv) return {};

  bool own = !num.start_override.empty() || !num.level_override.empty();
  std::string key = own ? "num:" + num_id : "abs:" + num.abstract_id;
  auto& c = counters_[key];
  if (c.empty()) c.assign(9, kUnset);
  if (own && !override_applied_[num_id]) {
    // A start override restarts the list where this num is first used.
    override_applied_[num_id] = true;
    for (auto [il, start] : num.start_override)
      if (il >= 0 && il < 9) c[static_cast<std::size_t>(il)] = start - 1;  // next() adds one
  }
  auto& counter = c[static_cast<std::size_t>(ilvl)];
  counter = counter == kUnset ? lv->start : counter + 1;
  // Deeper levels restart unless their w:lvlRestart says otherwise.
  for (int deeper = ilvl + 1; deeper < 9; ++deeper) {
    const Level* d = level(num, deeper);
    int restart_after = d ? d->restart : -1;
    if (restart_after == 0) continue;
    if (restart_after > 0 && restart_after - 1 < ilvl) continue;
    c[static_cast<std::size_t>(deeper)] = kUnset;
  }

  ListLabel out;
  if (lv->fmt == "bullet") {
    out.bullet = true;
    out.text = lv->text;
  } else {
    // Substitute %1..%9 with the counters of those levels.
    const std::string& t = lv->text;
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (t[i] == '%' && i + 1 < t.size() && t[i + 1] >= '1' && t[i + 1] <= '9') {
        int which = t[i + 1] - '1';
        const Level* wl = level(num, which);
        int value = c[static_cast<std::size_t>(which)];
        if (value == kUnset) value = wl ? wl->start : 1;
        std::string fmt = wl ? wl->fmt : "decimal";
        if (lv->legal) fmt = "decimal";
        out.text += format_number(value, fmt);
        ++i;
      } else {
        out.text += t[i];
      }
    }
  }
  // One character assigned as a count and a char: GCC 12 at -O3 warns a
  // false -Wrestrict (its bug 105329) on assigning a short literal here.
  if (lv->suffix != "nothing") out.suffix.assign(1, lv->suffix == "space" ? ' ' : '\t');
  return out;
}

}  // namespace docpipe::readers

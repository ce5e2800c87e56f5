#include "html_extract.hpp"

#include <libxml/tree.h>

#include <algorithm>
#include <cmath>
#include <docpipe/text.hpp>
#include <functional>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "html_dom.hpp"
#include "html_title.hpp"

namespace docpipe::readers {
namespace {

// The passes of the extraction, Readability-style: the first one ignores
// everything whose class/id names chrome; if that leaves too little text
// (a wrapper named "pagebuilder-pagerow" or "advertisement-pusher" holds
// the whole page), the next spares the wrappers of the article, the third
// keeps all chrome-named elements and the last also keeps link-heavy blocks
// inside the chosen content (see extract_main_content).
struct Attempt {
  bool strip_unlikely = true;
  bool clean_blocks = true;
  // Chrome-named elements that are kept anyway: the wrappers around the
  // best candidate of an unrestricted scoring (see extract_main_content).
  const std::unordered_set<xmlNode*>* spared = nullptr;
};

struct Stats {
  double text = 0;   // weighted length: a Han character counts as 2 Latin ones
  double links = 0;  // weighted length inside <a>
  int punct = 0;
};

class Extractor {
 public:
  Extractor(htmlDocPtr doc, const ExtractOptions& o, Attempt a, xmlNode* title)
      : doc_(doc), opt_(o), attempt_(a), title_(title) {}

  // Fills blocks(); returns the weighted length of the text kept.
  double run() {
    xmlNode* root = xmlDocGetRootElement(doc_);
    if (!root) return 0;
    xmlNode* body = find_body(root);
    measure(body, false);
    score_paragraphs(body);
    xmlNode* top = best_candidate();
    if (!top) top = body;
    top = widen(top, body);
    std::vector<xmlNode*> parts = with_siblings(top);
    roots_.insert(parts.begin(), parts.end());
    emit_title(parts);
    for (xmlNode* p : parts) emit(p, 0);
    flush();
    double kept = 0;
    for (const auto& b : out_)
      for (char32_t c : text::to_u32(b.text)) {
        kept += text::is_space(c) ? 0 : text::is_han(c) ? 2 : 1;
        sentence_marks_ += is_sentence_punct(c);
      }
    return kept;
  }

  // Sentence punctuation in the kept text: what separates more article
  // from more chrome when two passes are compared.
  int sentence_marks() const { return sentence_marks_; }

  // Scoring only: the best candidate, for a later pass to spare its
  // wrappers.
  xmlNode* probe() {
    xmlNode* root = xmlDocGetRootElement(doc_);
    if (!root) return nullptr;
    xmlNode* body = find_body(root);
    measure(body, false);
    score_paragraphs(body);
    return best_candidate();
  }

  std::vector<Block>& blocks() { return out_; }
  int dropped_lines() const { return dropped_lines_; }
  int dropped_blocks() const { return dropped_blocks_; }

 private:
  static xmlNode* find_body(xmlNode* root) {
    for (xmlNode* c = root->children; c; c = c->next)
      if (is_element(c) && name_of(c) == "body") return c;
    return root;
  }

  Stats measure(xmlNode* n, bool in_link) {
    Stats s;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      for (char32_t c :
           text::to_u32(reinterpret_cast<const char*>(n->content ? n->content : BAD_CAST ""))) {
        if (text::is_space(c)) continue;
        double w = text::is_han(c) ? 2 : 1;
        s.text += w;
        if (in_link) s.links += w;
        if (is_sentence_punct(c)) ++s.punct;
      }
      return s;
    }
    if (!is_element(n)) return s;
    if (attempt_.strip_unlikely && unlikely(n)) {
      excluded_.insert(n);
      return s;
    }
    bool link = in_link || name_of(n) == "a";
    for (xmlNode* c = n->children; c; c = c->next) {
      Stats k = measure(c, link);
      s.text += k.text;
      s.links += k.links;
      s.punct += k.punct;
    }
    // A paywall/subscribe box is chrome unless it holds the article's
    // sentences (checked after measuring, so still one pass).
    if (attempt_.strip_unlikely && s.punct < 5 && !(attempt_.spared && attempt_.spared->count(n)) &&
        weak_negative_class(class_and_id(n)) && !positive_class(class_and_id(n))) {
      excluded_.insert(n);
      return Stats{};
    }
    stats_[n] = s;
    return s;
  }

  // Chrome by tag or class/id name (never the page's body or an
  // <article>/<main>, which name the content).
  bool unlikely(xmlNode* n) const {
    if (attempt_.spared && attempt_.spared->count(n)) return false;
    auto name = name_of(n);
    if (kChromeTags.count(name)) return true;
    if (name == "body" || name == "html" || name == "article" || name == "main" || name == "a")
      return false;
    std::string cls = class_and_id(n);
    return negative_class(cls) && !positive_class(cls);
  }

  double link_density(xmlNode* n) const {
    auto it = stats_.find(n);
    if (it == stats_.end() || it->second.text <= 0) return 0;
    return it->second.links / it->second.text;
  }
  const Stats& stats(xmlNode* n) { return stats_[n]; }

  // Text directly inside an element (not inside child blocks): a div with
  // <br>-separated lines is a paragraph holder too.
  double inline_text(xmlNode* n) {
    double t = 0;
    for (xmlNode* c = n->children; c; c = c->next) {
      if (c->type == XML_TEXT_NODE) {
        for (char32_t ch :
             text::to_u32(reinterpret_cast<const char*>(c->content ? c->content : BAD_CAST "")))
          if (!text::is_space(ch)) t += text::is_han(ch) ? 2 : 1;
      } else if (is_element(c) && !kBlockTags.count(name_of(c))) {
        t += stats(c).text;
      }
    }
    return t;
  }

  double initial_score(xmlNode* n) {
    auto name = name_of(n);
    double s = 0;
    if (name == "div" || name == "article" || name == "main")
      s = 5;
    else if (name == "pre" || name == "td" || name == "blockquote")
      s = 3;
    else if (name == "ol" || name == "ul" || name == "dl" || name == "form" || name == "th" ||
             name == "li")
      s = -3;
    else if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6')
      s = -5;
    std::string cls = class_and_id(n);
    if (negative_class(cls)) s -= 25;
    if (positive_class(cls)) s += 25;
    if (name == "article" || name == "main") s += 10;
    return s;
  }

  void add_score(xmlNode* n, double s) {
    auto it = scores_.find(n);
    if (it == scores_.end()) it = scores_.emplace(n, initial_score(n)).first;
    it->second += s;
  }

  void score_paragraphs(xmlNode* n) {
    for (xmlNode* c = n->children; c; c = c->next) {
      if (!is_element(c) || excluded_.count(c)) continue;
      auto name = name_of(c);
      const bool paragraph = name == "p" || name == "pre" || name == "td" || name == "blockquote";
      bool holder = paragraph;
      double own = holder ? stats(c).text : inline_text(c);
      if (!holder && (name == "div" || name == "section" || name == "article" || name == "font" ||
                      name == "span" || name == "center"))
        holder = own >= 40;
      if (holder && own >= 20 && link_density(c) < 0.5) {
        const Stats& st = stats(c);
        double score = 1 + st.punct + std::min(own / 100.0, 3.0);
        // A block holding its own text runs is the paragraph's container
        // (Readability wraps such runs in a <p> inside it).
        bool self = !paragraph && name != "span" && name != "font";
        xmlNode* a = self ? c : c->parent;
        // The summary of a teaser counts a third: a feed of them must not
        // outscore a short article.
        if (a && is_element(a) && teaser(a)) score /= 3;
        for (int level = 0; a && is_element(a) && level < 5; ++level, a = a->parent) {
          double share = level == 0 ? score : level == 1 ? score / 2 : score / (level * 3);
          add_score(a, share);
        }
      }
      score_paragraphs(c);
    }
  }

  static bool is_heading(xmlNode* n) {
    auto name = name_of(n);
    return name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
  }
  static bool has_child(xmlNode* n, bool (*what)(xmlNode*)) {
    for (xmlNode* c = n->children; c; c = c->next)
      if (is_element(c) && what(c)) return true;
    return false;
  }

  // A teaser: a small box (under 600 weighted characters) whose headline is
  // a link — <h3><a>…</a></h3> or <a><h3>…</h3></a> — beside a summary: the
  // items of news feeds, "more news" streams and a blog archive's excerpts.
  bool teaser(xmlNode* item) {
    auto it = teaser_.find(item);
    if (it != teaser_.end()) return it->second;
    bool yes = false;
    if (stats(item).text < 600)
      for (xmlNode* c = item->children; c && !yes; c = c->next) {
        if (!is_element(c)) continue;
        if (is_heading(c))
          yes = has_child(c, [](xmlNode* x) { return name_of(x) == "a"; });
        else if (name_of(c) == "a")
          yes = has_child(c, is_heading);
      }
    teaser_[item] = yes;
    return yes;
  }

  xmlNode* best_candidate() {
    xmlNode* best = nullptr;
    double best_score = 0;
    for (auto& [n, s] : scores_) {
      double f = s * (1 - link_density(n));
      final_[n] = f;
      if (!best || f > best_score || (f == best_score && name_of(n) != "body")) {
        best = n;
        best_score = f;
      }
    }
    top_score_ = best_score;
    return best;
  }

  // The best-scoring container is often one piece of the article: a
  // paragraph group when the page splits the story into several columns or
  // cards. Readability's three corrections, in its order:
  //  - if three of the near-best candidates sit under one ancestor of the
  //    best, that ancestor is the article;
  //  - an ancestor scoring higher than the path below it takes over (the
  //    walk stops once scores drop below a third);
  //  - a lone child is replaced by its parent, so siblings can be merged.
  xmlNode* widen(xmlNode* top, xmlNode* body) {
    auto inside = [](xmlNode* n, xmlNode* a) {
      for (xmlNode* x = n; x; x = x->parent)
        if (x == a) return true;
      return false;
    };
    std::vector<std::pair<double, xmlNode*>> alts;
    for (auto& [n, f] : final_)
      if (n != top && f >= top_score_ * 0.75) alts.emplace_back(f, n);
    std::sort(alts.begin(), alts.end(), [](auto& a, auto& b) { return a.first > b.first; });
    if (alts.size() > 5) alts.resize(5);
    if (alts.size() >= 3) {
      for (xmlNode* a = top->parent; a && a != body && is_element(a); a = a->parent) {
        int holders = 0;
        for (auto& alt : alts) holders += inside(alt.second, a);
        if (holders >= 3) {
          top = a;
          break;
        }
      }
    }
    auto score_of = [&](xmlNode* n) {
      auto it = final_.find(n);
      return it == final_.end() ? -1.0 : it->second;
    };
    double last = score_of(top);
    const double floor = last / 3;
    for (xmlNode* a = top->parent; a && a != body && is_element(a); a = a->parent) {
      double s = score_of(a);
      if (s < 0) continue;
      if (s < floor) break;
      if (s > last) {
        top = a;
        break;
      }
      last = s;
    }
    core_ = top;
    while (top != body && top->parent && is_element(top->parent) && top->parent != body) {
      int children = 0;
      // Empty siblings (ad slots, spacer rails) do not count; chrome
      // siblings excluded by this pass do, so an article beside its sidebar
      // is not widened into the sidebar's parent.
      for (xmlNode* c = top->parent->children; c; c = c->next)
        children += is_element(c) && (excluded_.count(c) || stats(c).text > 0);
      if (children != 1) break;
      top = top->parent;
    }
    if (final_.count(top)) top_score_ = std::max(top_score_, final_[top]);
    return top;
  }

  bool ends_sentence(xmlNode* n) {
    xmlChar* t = xmlNodeGetContent(n);
    std::string s = t ? text::trim(reinterpret_cast<const char*>(t)) : "";
    if (t) xmlFree(t);
    return text::ends_with(s, "。") || text::ends_with(s, ".") || text::ends_with(s, "！") ||
           text::ends_with(s, "？");
  }

  static bool has_block_child(xmlNode* n) {
    for (xmlNode* c = n->children; c; c = c->next)
      if (is_element(c) && kBlockTags.count(name_of(c))) return true;
    return false;
  }

  std::vector<xmlNode*> with_siblings(xmlNode* top) {
    if (!top->parent || !is_element(top->parent) || name_of(top) == "body") return {top};
    std::vector<xmlNode*> out;
    double threshold = std::max(10.0, top_score_ * 0.2);
    std::string top_class = prop(top, "class");
    for (xmlNode* s = top->parent->children; s; s = s->next) {
      if (!is_element(s) || excluded_.count(s)) continue;
      bool keep = s == top;
      if (!keep && final_.count(s) && final_[s] >= threshold) keep = true;
      // Same class as the chosen container: the next chunk of a story cut
      // by figures or ad slots (scored, or prose without many links).
      if (!keep && !top_class.empty() && prop(s, "class") == top_class &&
          (final_.count(s) || (stats(s).text >= 200 && link_density(s) < 0.25)))
        keep = true;
      // Paragraph-like siblings only (Readability's <p> rule; a div holding
      // no blocks is a paragraph on many Chinese sites): a container
      // sibling is kept by its score, or it pulls in related-story lists.
      if (!keep && (name_of(s) == "p" || (name_of(s) == "div" && !has_block_child(s)))) {
        double len = stats(s).text, ld = link_density(s);
        if (len > 80 && ld < 0.25)
          keep = true;
        else if (len > 0 && len <= 80 && ld == 0 && ends_sentence(s))
          keep = true;
      }
      if (keep) out.push_back(s);
    }
    return out;
  }

  // --- emitting blocks ---------------------------------------------------

  // The article's heading, when it stands just above the chosen content
  // (inside it, it is emitted in place like any heading).
  void emit_title(const std::vector<xmlNode*>& parts) {
    if (!title_ || parts.empty()) return;
    for (xmlNode* x = title_; x; x = x->parent)
      if (excluded_.count(x) || std::find(parts.begin(), parts.end(), x) != parts.end()) return;
    // Distance is measured from the scored container, not from the
    // wrappers it was widened to, which may reach up to <body>.
    if (!heading_leads(title_, core_ ? core_ : parts.front())) return;
    start_block(title_, BlockKind::heading, 1);
    for (xmlNode* c = title_->children; c; c = c->next) emit(c, 0);
    flush();
    kind_ = BlockKind::paragraph;
    level_ = 0;
  }

  // ASCII letters compare case-blind: pages print "ADVERTISEMENT",
  // "Copyright ©" and "COPYRIGHT ©" alike (UTF-8 bytes >= 0x80 are left
  // alone by lower()).
  bool is_boilerplate(const std::string& line) const {
    if (static_cast<int>(text::length(line)) > opt_.boilerplate_max_chars) return false;
    if (phrases_.empty())
      for (const auto& p : opt_.boilerplate)
        if (!p.empty()) phrases_.push_back(lower(p));
    const std::string l = lower(line);
    for (const auto& p : phrases_)
      if (l.find(p) != std::string::npos) return true;
    return false;
  }

  // Blocks inside the content that are chrome after all: link lists,
  // classes such as share/related, tiny blocks holding a boilerplate phrase.
  bool skip_block(xmlNode* n) {
    auto name = name_of(n);
    const Stats& st = stats(n);
    if (st.text <= 0) return name != "table" && name != "hr";
    if (!attempt_.clean_blocks || roots_.count(n)) return false;
    double ld = link_density(n);
    std::string cls = class_and_id(n);
    // Bylines and datelines ("Posted by X on ...", "作者：… 时间：…"): short
    // blocks named so, not report text.
    if (st.text < 200 && byline_class(n, cls)) return true;
    // Photo captions and credits.
    if (name == "figcaption" || (st.text < 300 && contains_any(cls, {"caption", "credit"})))
      return true;
    if ((name == "ul" || name == "ol" || name == "dl") && ld > 0.5) return true;
    if (name == "p") return ld > 0.5 && st.punct < 3;
    // Readability's conditional cleaning of containers: with few sentence
    // marks, a link-rich box (teaser list, "more stories") is not article,
    // unless its class names content.
    if ((name == "div" || name == "section" || name == "table" || name == "header") &&
        st.punct < 10) {
      if (ld > 0.5) return true;
      if (ld > 0.2 && !positive_class(cls)) return true;
    }
    return false;
  }

  static bool byline_class(xmlNode* n, const std::string& cls) {
    if (lower(prop(n, "rel")) == "author" ||
        lower(prop(n, "itemprop")).find("author") != std::string::npos)
      return true;
    return contains_any(cls, {"byline", "author", "dateline", "writtenby", "entry-meta",
                              "post-meta", "article-meta", "timestamp"});
  }

  // `end` is how the source ended the block: a block element's end, a <br>,
  // or a line of preformatted text.
  void flush(Boundary end = Boundary::paragraph) {
    std::string t = text::trim(line_);
    line_.clear();
    if (t.empty()) return;
    if (is_boilerplate(t)) {
      ++dropped_lines_;
      return;
    }
    Block b;
    b.kind = kind_;
    b.level = level_;
    b.text = std::move(t);
    b.origin.locator = locator_;
    b.origin.boundary = end;
    out_.push_back(std::move(b));
  }

  // The element's XPath as xmlGetNodePath writes it (/html/body/div[2]/p),
  // memoised: xmlGetNodePath counts preceding siblings on every call, which
  // is quadratic on a page of thousands of sibling paragraphs.
  const std::string& node_path(xmlNode* n) {
    auto it = paths_.find(n);
    if (it != paths_.end()) return it->second;
    std::string path;
    if (n->parent && is_element(n->parent)) {
      path = node_path(n->parent);
      if (!sibling_index_.count(n)) index_children(n->parent);
    }
    path += '/';
    path += name_of(n);
    auto idx = sibling_index_.find(n);
    if (idx != sibling_index_.end() && idx->second > 0) {
      path += '[';
      path += std::to_string(idx->second);
      path += ']';
    }
    return paths_.emplace(n, std::move(path)).first->second;
  }

  // 1-based position among same-name element siblings, or 0 when the name
  // is unique under the parent (xmlGetNodePath then writes no index).
  void index_children(xmlNode* parent) {
    std::unordered_map<std::string_view, int> total;
    for (xmlNode* c = parent->children; c; c = c->next)
      if (is_element(c)) ++total[name_of(c)];
    std::unordered_map<std::string_view, int> seen;
    for (xmlNode* c = parent->children; c; c = c->next)
      if (is_element(c)) sibling_index_[c] = total[name_of(c)] > 1 ? ++seen[name_of(c)] : 0;
  }

  void start_block(xmlNode* n, BlockKind kind, int level) {
    flush();
    kind_ = kind;
    level_ = level;
    locator_ = node_path(n);
  }

  void append_text(const char* s) {
    // HTML whitespace collapses to one space.
    for (const char* p = s; *p; ++p) {
      char c = *p;
      if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
        if (!line_.empty() && line_.back() != ' ') line_ += ' ';
      } else {
        line_ += c;
      }
    }
  }

  std::string cell_text(xmlNode* n) {
    std::string out;
    std::function<void(xmlNode*)> walk = [&](xmlNode* x) {
      for (xmlNode* c = x->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
          std::string s = reinterpret_cast<const char*>(c->content);
          for (auto& ch : s)
            if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
          out += s;
        } else if (is_element(c)) {
          bool block = kBlockTags.count(name_of(c)) || name_of(c) == "br";
          if (block && !out.empty() && out.back() != '\n') out += '\n';
          walk(c);
          if (block && !out.empty() && out.back() != '\n') out += '\n';
        }
      }
    };
    walk(n);
    std::string cleaned;
    for (auto line : text::split_lines(out)) {
      auto t = text::trim(line);
      if (t.empty()) continue;
      if (!cleaned.empty()) cleaned += '\n';
      cleaned += t;
    }
    return cleaned;
  }

  // A data table has short cells in rows of two or more; a layout table (old
  // Chinese sites, government gazettes, put the whole article in one) is read
  // as ordinary content: a cell with long text, with a long block inside, with
  // paragraphs set apart by <br>, or a table of one column.
  bool is_data_table(xmlNode* table) {
    bool data = true;
    int columns = 0;
    std::function<void(xmlNode*, int)> walk = [&](xmlNode* x, int depth) {
      for (xmlNode* c = x->children; c && data; c = c->next) {
        if (!is_element(c)) continue;
        auto nm = name_of(c);
        if (nm == "td" || nm == "th") {
          const auto text = stats(c).text;
          if (text > 400) data = false;
          int breaks = 0;
          for (xmlNode* k = c->children; k; k = k->next) {
            if (!is_element(k)) continue;
            if (name_of(k) == "br") ++breaks;
            if ((name_of(k) == "table" || name_of(k) == "p" || name_of(k) == "div") &&
                stats(k).text > 200)
              data = false;
          }
          if (breaks >= 2 && text > 200) data = false;
        } else if (nm == "tr") {
          int cells = 0;
          for (xmlNode* td = c->children; td; td = td->next)
            if (is_element(td) && (name_of(td) == "td" || name_of(td) == "th"))
              cells += std::max(1, std::atoi(prop(td, "colspan").c_str()));
          columns = std::max(columns, cells);
          walk(c, depth + 1);
        } else if (nm != "table" || depth == 0) {
          walk(c, depth + 1);
        }
      }
    };
    walk(table, 0);
    return data && columns >= 2;
  }

  void emit_table(xmlNode* table) {
    start_block(table, BlockKind::paragraph, 0);
    Block b;
    b.kind = BlockKind::table;
    b.origin.locator = locator_;
    std::function<void(xmlNode*)> rows = [&](xmlNode* x) {
      for (xmlNode* c = x->children; c; c = c->next) {
        if (!is_element(c)) continue;
        auto nm = name_of(c);
        if (nm == "tr") {
          std::vector<std::string> cells;
          for (xmlNode* td = c->children; td; td = td->next) {
            if (!is_element(td) || (name_of(td) != "td" && name_of(td) != "th")) continue;
            cells.push_back(cell_text(td));
            int span = std::atoi(prop(td, "colspan").c_str());
            for (int i = 1; i < span && i < 64; ++i) cells.emplace_back();
          }
          bool any = std::any_of(cells.begin(), cells.end(), [](auto& s) { return !s.empty(); });
          if (any) b.rows.push_back(std::move(cells));
        } else if (nm == "thead" || nm == "tbody" || nm == "tfoot") {
          rows(c);
        }
      }
    };
    rows(table);
    if (!b.rows.empty()) out_.push_back(std::move(b));
  }

  void emit(xmlNode* n, int list_depth) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content) append_text(reinterpret_cast<const char*>(n->content));
      return;
    }
    if (!is_element(n) || excluded_.count(n)) return;
    auto name = name_of(n);
    if (name == "br") {
      flush(Boundary::line_break);
      return;
    }
    if (kBlockTags.count(name) && skip_block(n)) {
      flush();
      ++dropped_blocks_;
      return;
    }
    if (name == "table" && is_data_table(n)) {
      emit_table(n);
      return;
    }
    if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
      start_block(n, BlockKind::heading, name[1] - '0');
      for (xmlNode* c = n->children; c; c = c->next) emit(c, list_depth);
      flush();
      kind_ = BlockKind::paragraph;
      level_ = 0;
      return;
    }
    if (name == "li") {
      start_block(n, BlockKind::list_item, std::max(1, list_depth));
      for (xmlNode* c = n->children; c; c = c->next) emit(c, list_depth);
      flush();
      kind_ = BlockKind::paragraph;
      level_ = 0;
      return;
    }
    if (name == "pre") {
      start_block(n, BlockKind::paragraph, 0);
      xmlChar* t = xmlNodeGetContent(n);
      std::string s = t ? reinterpret_cast<const char*>(t) : "";
      if (t) xmlFree(t);
      for (auto line : text::split_lines(s)) {
        line_ = std::string(line);
        flush(Boundary::hard_line);
      }
      return;
    }
    bool block = kBlockTags.count(name) > 0;
    int depth = list_depth + ((name == "ul" || name == "ol") ? 1 : 0);
    if (block) start_block(n, BlockKind::paragraph, 0);
    for (xmlNode* c = n->children; c; c = c->next) {
      // A list item's nested block children stay in the list item.
      emit(c, depth);
    }
    if (block) {
      flush();
      kind_ = BlockKind::paragraph;
      level_ = 0;
    }
  }

  htmlDocPtr doc_;
  const ExtractOptions& opt_;
  Attempt attempt_;
  xmlNode* title_;
  xmlNode* core_ = nullptr;  // the chosen container before lone-child widening
  std::vector<Block> out_;
  std::unordered_set<xmlNode*> excluded_;
  std::unordered_set<xmlNode*> roots_;
  std::unordered_map<xmlNode*, std::string> paths_;
  mutable std::vector<std::string> phrases_;         // opt_.boilerplate lower-cased, on first use
  std::unordered_map<xmlNode*, int> sibling_index_;  // the chosen containers: never cleaned away
  std::unordered_map<xmlNode*, Stats> stats_;
  std::unordered_map<xmlNode*, double> scores_;
  std::unordered_map<xmlNode*, double> final_;
  std::unordered_map<xmlNode*, bool> teaser_;
  double top_score_ = 0;
  std::string line_;
  BlockKind kind_ = BlockKind::paragraph;
  int level_ = 0;
  std::string locator_;
  int dropped_lines_ = 0;
  int dropped_blocks_ = 0;
  int sentence_marks_ = 0;
};

}  // namespace

void extract_main_content(htmlDocPtr doc, const ExtractOptions& options, Document& out) {
  // Readability's char threshold: a pass keeping less than this is retried
  // with fewer exclusions; if none reaches it the longest result wins.
  constexpr double kEnough = 400;
  auto prop_or_empty = [&](const char* k) {
    auto it = out.source.properties.find(k);
    return it == out.source.properties.end() ? std::string() : it->second;
  };
  xmlNode* root = xmlDocGetRootElement(doc);
  xmlNode* title =
      root ? find_title_heading(root, prop_or_empty("og_title"), prop_or_empty("html_title"))
           : nullptr;
  if (title) {
    xmlChar* t = xmlNodeGetContent(title);
    std::string heading;
    for (char32_t c : text::to_u32(t ? reinterpret_cast<const char*>(t) : "")) {
      if (!text::is_space(c))
        text::append_utf8(heading, c);
      else if (!heading.empty() && heading.back() != ' ')
        heading += ' ';
    }
    heading = text::trim(heading);
    if (t) xmlFree(t);
    if (!heading.empty()) out.source.properties["html_h1"] = heading;
  }
  // A short article (a 200-character notice) never reaches kEnough; the
  // later passes then grow by taking in the chrome the first pass left out
  // (menus, footers, teaser titles: text without sentences). So a first
  // pass holding a paragraph's worth of text is replaced only by a pass
  // that also adds sentences, else by nothing.
  constexpr double kShortArticle = 100;
  std::unique_ptr<Extractor> first, best;
  double first_len = 0, best_len = -1;
  // Pass 2 keeps the chrome-named wrappers of the article (found by
  // scoring without exclusions) but still leaves out the chrome-named
  // comments and sidebars beside it; passes 3 and 4 drop the exclusions.
  std::unordered_set<xmlNode*> spared;
  std::vector<Attempt> attempts = {Attempt{true, true, nullptr}, Attempt{true, true, &spared},
                                   Attempt{false, true, nullptr}, Attempt{false, false, nullptr}};
  for (std::size_t i = 0; i < attempts.size(); ++i) {
    if (i == 1) {
      xmlNode* found = Extractor(doc, options, Attempt{false, true, nullptr}, title).probe();
      for (xmlNode* x = found; x; x = x->parent) spared.insert(x);
    }
    auto e = std::make_unique<Extractor>(doc, options, attempts[i], title);
    double len = e->run();
    if (!first) {
      first_len = len;
      first = std::move(e);
      if (len >= kEnough) break;
      continue;
    }
    bool adds_sentences = e->sentence_marks() >= first->sentence_marks() * 3 / 2 + 2;
    if (first_len >= kShortArticle && !adds_sentences) continue;
    if (len > best_len) {
      best_len = len;
      best = std::move(e);
    }
    if (len >= kEnough) break;
  }
  if (!best || best_len <= first_len) best = std::move(first);
  for (auto& b : best->blocks()) out.blocks.push_back(std::move(b));
  if (best->dropped_lines() > 0 || best->dropped_blocks() > 0)
    out.diagnose(Level::info, "main content: dropped " + std::to_string(best->dropped_lines()) +
                                  " boilerplate line(s) and " +
                                  std::to_string(best->dropped_blocks()) +
                                  " link-heavy or chrome block(s)");
}

}  // namespace docpipe::readers

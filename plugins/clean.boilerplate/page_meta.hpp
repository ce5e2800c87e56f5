// Page-metadata lines: a line made only of "label: value" pairs that a site
// prints around an article (发布时间：… 来源：… 编辑：… 浏览次数：…,
// 上传人：… 文档编号：… 格式：… 页数：…). What makes such a line chrome is its
// shape — every part of it is a known label with a short value — not any one
// site's wording, so the labels are data (boilerplate_rules.json).
#pragma once

#include <docpipe/kit/trie.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace docpipe::clean {

struct MetaField {
  std::string label;
  std::string value;
};

class PageMetaReader {
 public:
  // `labels` need a colon after them; `colonless_labels` (发表于, 发布于) do not.
  PageMetaReader(const std::vector<std::string>& labels,
                 const std::vector<std::string>& colonless_labels, std::size_t max_value_chars);

  // The fields when the whole line is page metadata, else nothing. The line
  // may start with bullets or brackets; `lead_ok` judges text before the
  // first label (会员上传 分享 …): it must be chrome words for the line to count.
  std::optional<std::vector<MetaField>> read(
      std::string_view line, const std::function<bool(std::string_view)>& lead_ok = {}) const;

 private:
  // Length of a label (with its colon and spaces) starting at `i`, or 0.
  std::size_t label_at(const std::u32string& u, std::size_t i, std::size_t& label_len) const;

  kit::Trie labels_;  // payload 1: needs a colon, 2: colon optional
  std::size_t max_value_chars_;
};

}  // namespace docpipe::clean

// clean.lines: one paragraph per paragraph, and tidy spacing/punctuation.
//  - lines.split_heading: "四、下半年工作计划 1、进一步…" -> heading + item
//  - lines.split_title:   "…上半年工作总结 2020年以来,…" at the top -> title + paragraph
//  - lines.join:          a line broken mid-sentence ("应急" / "志愿者三支…") is re-joined
//  - lines.space:         stray spaces/NBSP between Chinese characters or after 、，
//  - lines.punct:         ASCII , : ; ? ! ( ) between Chinese characters -> full width
// Digits, Latin words and URLs keep their spaces and ASCII punctuation.
#pragma once

#include <docpipe/kit/regex.hpp>
#include <docpipe/plugin.hpp>

#include "cjk_spaces.hpp"
#include "paragraph_join.hpp"

namespace docpipe::clean {

inline constexpr const char* kLinesSchema = R"json({
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "split": {"type": "boolean", "default": true},
    "join": {"type": "boolean", "default": true},
    "spaces": {"type": "boolean", "default": true},
    "fullwidth_punct": {"type": "boolean", "default": true},
    "min_join_chars": {"type": "integer", "minimum": 1, "default": 15,
                       "description": "a line shorter than this is taken as a heading and never joined"},
    "min_join_chars_paragraph": {"type": "integer", "minimum": 1, "default": 20,
                                 "description": "a Word paragraph or HTML block shorter than this is never joined to the next"},
    "max_fragment_chars": {"type": "integer", "minimum": 0, "default": 3,
                           "description": "a Word paragraph or HTML block is joined to the next when the next one's first clause is at most this long (信息获取渠 / 道。)"},
    "max_label_line_chars": {"type": "integer", "minimum": 1, "default": 40,
                             "description": "a line opened by a short label and a colon (关键词：…) and at most this long is never joined"},
    "max_heading_chars": {"type": "integer", "minimum": 1, "default": 40,
                          "description": "a line starting with an outline marker (一、 (一) 1、) and at most this long is a heading and never joined"},
    "title_lines": {"type": "integer", "minimum": 0, "default": 3,
                    "description": "leading blocks searched for a title glued to its first paragraph"},
    "doc_types": {"type": "array", "items": {"type": "string"},
                  "default": ["工作总结", "工作计划", "总结", "计划", "报告", "汇报", "方案", "要点", "规划", "讲话", "意见", "通知", "情况", "述职报告", "心得体会"]}
  }
})json";

class LineCleaner final : public Transform {
 public:
  LineCleaner(const PluginEnv& env, const Params& params);
  void apply(Document& doc) override;

  // Exposed for tests: the single-text rewrites.
  std::string fix_spaces(const std::string& text) const;
  std::string fix_punct(const std::string& text) const;

 private:
  void split_blocks(Document& doc) const;
  void join_blocks(Document& doc) const;
  bool ends_with_doc_type(const std::string& text) const;
  bool broken_between(const Block& cur, const std::u32string& last_line, const Block& next,
                      std::size_t wrap) const;

  kit::Regex heading_then_item_;
  kit::Regex title_then_paragraph_;
  kit::Regex starts_with_marker_;
  kit::Regex starts_with_outline_;
  kit::Regex signature_like_;
  std::vector<std::string> doc_types_;
  bool split_ = true, join_ = true, spaces_ = true, punct_ = true;
  std::size_t min_join_chars_ = 15;
  JoinLimits join_limits_;
  SpaceLimits space_limits_;
  std::size_t max_heading_chars_ = 40;
  std::size_t title_lines_ = 3;
};

}  // namespace docpipe::clean

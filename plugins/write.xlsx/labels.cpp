#include "labels.hpp"

#include <map>

namespace docpipe::xlsx {

namespace {

const std::map<std::string, std::string>& chinese_words() {
  static const std::map<std::string, std::string> words = {
      // sheets
      {"Reports", "报告"},
      {"Outline", "提纲"},
      {"Figures", "数字"},
      {"Cleaning", "清洗"},
      {"Summary", "汇总"},
      {"Run", "运行"},
      // columns
      {"File", "文件"},
      {"Title", "标题"},
      {"Organization", "单位"},
      {"Type", "类型"},
      {"Year", "年份"},
      {"Period", "时段"},
      {"Date", "日期"},
      {"Headings", "标题数"},
      {"Characters", "字数"},
      {"Figures found", "数字个数"},
      {"Flags", "标记"},
      {"Status", "状态"},
      {"Error", "错误"},
      {"Document", "文件"},
      {"Level", "级别"},
      {"Marker", "序号"},
      {"Heading", "标题"},
      {"Heading path", "所在标题"},
      {"Value", "数值"},
      {"Unit", "计量单位"},
      {"Original text", "原文"},
      {"Context", "上下文"},
      {"Sentence", "句子"},
      {"Stage", "阶段"},
      {"Rule", "规则"},
      {"Changes", "改动数"},
      {"Block", "段落"},
      {"Example before", "改前示例"},
      {"Example after", "改后示例"},
      {"Before", "改前"},
      {"After", "改后"},
      {"Documents", "报告数"},
      {"Item", "项目"},
      // Run items
      {"Start", "开始"},
      {"End", "结束"},
      {"Pipeline", "流水线"},
      {"Pipeline file", "流水线文件"},
      {"Input folder", "输入文件夹"},
      {"This run: ", "本次运行："},
      {"Workbook: ", "本工作簿："},
      {"documents", "文档数"},
      {"Rows not written (sheet full): ", "未写入的行（工作表已满）："},
      {"Version ", "版本 "},
      {"Documents per organization", "各单位报告数"},
      // statuses
      {"ok", "成功"},
      {"partial", "部分成功"},
      {"failed", "失败"},
      {"timeout", "超时"},
      {"crashed", "崩溃"},
      {"skipped", "跳过"},
      // flags (structure.flags and the cleaning stages)
      {"spun_restored", "洗稿已还原"},
      {"traditional_converted", "繁体已转换"},
      {"pinyin_removed", "拼音已删除"},
      {"boilerplate_removed", "网页杂项已删除"},
      {"mojibake", "乱码"},
      {"placeholders_present", "含占位符"},
      {"truncated_end", "结尾不全"},
      {"truncated_start", "开头不全"},
      {"watermark_removed", "水印已删除"},
      {"duplicates_removed", "重复已删除"},
      {"encoding_guessed", "编码为推测"},
  };
  return words;
}

}  // namespace

std::string Labels::operator()(const std::string& english) const {
  if (!chinese_) return english;
  auto it = chinese_words().find(english);
  return it == chinese_words().end() ? english : it->second;
}

std::string Labels::flags(const std::string& list) const {
  if (!chinese_ || list.empty()) return list;
  std::string out;
  std::size_t start = 0;
  while (start <= list.size()) {
    auto comma = list.find(", ", start);
    std::string flag = list.substr(start, comma == std::string::npos ? comma : comma - start);
    out += (out.empty() ? "" : "、") + (*this)(flag);
    if (comma == std::string::npos) break;
    start = comma + 2;
  }
  return out;
}

}  // namespace docpipe::xlsx

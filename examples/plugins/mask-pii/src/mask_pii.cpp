// The mask-pii transform: masks mobile numbers, ID-card numbers and e-mail
// addresses in every block (paragraph text and table cells) and records one
// edit per masked item, so an auditor can count what was hidden and where.
#include <docpipe/plugin.hpp>
#include <string>

#include "pii_scan.hpp"

namespace {

class MaskPii final : public docpipe::Transform {
 public:
  // Every parameter has a default in kParamsSchema, which the host fills in
  // before the constructor runs: require() states that, get() would hide a
  // schema without one.
  MaskPii(const docpipe::PluginEnv&, const docpipe::Params& p)
      : mask_(p.get<std::string>("mask_char")), record_originals_(p.get<bool>("record_originals")) {
    opts_.mobile = p.get<bool>("mobile");
    opts_.id_card = p.get<bool>("id_card");
    opts_.id_card_checksum = p.get<bool>("id_card_checksum");
    opts_.email = p.get<bool>("email");
  }

  void apply(docpipe::Document& doc) override {
    std::size_t masked = 0;
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
      auto& block = doc.blocks[i];
      // A table's text repeats its cells: the cells carry the edits, so one
      // number is recorded once.
      bool table = !block.rows.empty();
      std::size_t in_text = mask_text(doc, static_cast<int>(i), block.text, !table);
      for (auto& row : block.rows)
        for (auto& cell : row) masked += mask_text(doc, static_cast<int>(i), cell, true);
      if (!table) masked += in_text;
    }
    if (masked)
      doc.diagnose(docpipe::Level::info,
                   "masked " + std::to_string(masked) + " personal data item(s)");
  }

 private:
  // Masks `text` in place, recording edits when `record`; returns the number
  // of items masked.
  std::size_t mask_text(docpipe::Document& doc, int block, std::string& text, bool record) {
    auto matches = pii::scan(text, opts_);
    if (matches.empty()) return 0;
    std::string out;
    std::size_t pos = 0;
    for (const auto& m : matches) {
      std::string_view token(text.data() + m.begin, m.end - m.begin);
      std::string masked = pii::mask(token, m.kind, mask_);
      // The edit log is archived with the document: by default it must not
      // keep the very data this stage removes.
      if (record) {
        std::string before = record_originals_ ? std::string(token)
                                               : std::string("[") + pii::to_string(m.kind) + "]";
        doc.record_edit(std::string("pii.") + pii::to_string(m.kind), block, std::move(before),
                        masked);
      }
      out.append(text, pos, m.begin - pos);
      out += masked;
      pos = m.end;
    }
    out.append(text, pos);
    text = std::move(out);
    return matches.size();
  }

  pii::ScanOptions opts_;
  std::string mask_;
  bool record_originals_;
};

// The stage's `with:` parameters; the host validates them against this
// schema (and fills the defaults) before the constructor runs.
constexpr const char* kParamsSchema = R"json({
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "mobile": {"type": "boolean", "default": true,
               "description": "mask mainland mobile numbers: 13812345678 -> 138****5678"},
    "id_card": {"type": "boolean", "default": true,
                "description": "mask 18-character resident ID numbers, keeping region and last 4"},
    "id_card_checksum": {"type": "boolean", "default": true,
                         "description": "only mask IDs whose check digit is valid (GB 11643)"},
    "email": {"type": "boolean", "default": true,
              "description": "mask the local part of e-mail addresses"},
    "mask_char": {"type": "string", "minLength": 1, "maxLength": 1, "default": "*",
                  "description": "character that replaces each hidden character"},
    "record_originals": {"type": "boolean", "default": false,
                         "description": "keep the unmasked value in the edit log (for audit copies only)"}
  }
})json";

}  // namespace

DOCPIPE_PLUGIN(MaskPii, .kind = docpipe::PluginKind::transform, .name = "mask-pii",
               .version = "1.0.0",
               .description = "masks mobile numbers, ID-card numbers and e-mail addresses",
               .params_schema = kParamsSchema)

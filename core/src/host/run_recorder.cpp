#include "host/run_recorder.hpp"

#include "docpipe/json.hpp"

namespace docpipe::host {

RunRecorder::RunRecorder(const InputList& items, const std::vector<PlannedItem>& plan,
                         Ledger& ledger, BatchWriters& batch, const Quarantine& quarantine,
                         RunSummary& summary, const ProgressCallback& progress,
                         RecorderSettings settings)
    : items_(items),
      plan_(plan),
      ledger_(ledger),
      batch_(batch),
      quarantine_(quarantine),
      summary_(summary),
      progress_(progress),
      settings_(std::move(settings)),
      needs_documents_(batch.active() && batch.needs_documents()),
      summarizers_(batch.summarizers()) {}

ExecutionFeed RunRecorder::feed() {
  return {[this](std::size_t i) { return may_dispatch(i); },
          [this](ExecutedDocument&& d) { record(std::move(d)); }};
}

bool RunRecorder::may_dispatch(std::size_t index) const {
  return !stopped_ && index < next_in_order_ + settings_.window;
}

void RunRecorder::record_in_ledger(const PlannedItem& p, const std::string& key,
                                   const ExecutedDocument& done) {
  const auto& r = done.result;
  LedgerEntry e;
  e.input = key;
  e.content_sha256 = p.content_hash();
  e.pipeline_hash = settings_.pipeline_hash;
  e.plugin_versions = settings_.plugin_versions;
  e.status = to_string(r.outcome);
  e.stage = r.stage;
  e.error = r.error;
  e.outputs = r.outputs;
  e.output_sizes = r.output_sizes;  // measured where they were written
  e.seconds = r.seconds;
  e.run_id = settings_.run_id;
  ledger_.record(e, done.document_json, done.summaries_json, p.known);
}

// Returns the quarantine entry written for a failure, else "".
std::string RunRecorder::quarantine_or_release(const InputItem& item, const PlannedItem& p,
                                               const std::string& key, const ProcessResult& r,
                                               const std::string& log_excerpt) {
  if (!is_failure(r.outcome)) {
    quarantine_.release(item);
    return {};
  }
  if (settings_.stop_on_error) stopped_ = true;
  const auto& excerpt = log_excerpt.empty() ? r.error : log_excerpt;
  return quarantine_
      .add(item, {key, p.content_hash(), std::string(to_string(r.outcome)), r.stage, r.error,
                  excerpt, settings_.pipeline_hash, now_iso8601()})
      .string();
}

void RunRecorder::record(ExecutedDocument&& done) {
  const auto& p = plan_[done.index];
  const auto item = items_[done.index];
  const auto key = ledger_key(item.path.native());
  record_in_ledger(p, key, done);
  auto& r = done.result;
  Finished f;
  f.record = {item.path.string(), r.outcome, p.reason, r.stage, r.error_kind, r.error,
              r.seconds,          r.outputs, {}};
  f.record.quarantine = quarantine_or_release(item, p, key, r, done.log_excerpt);
  summary_.counts[std::string(to_string(r.outcome))]++;
  summary_.reasons[p.reason]++;
  if (batch_.active()) {
    f.summaries = std::move(r.batch_summaries);
    if (needs_documents_) {
      if (r.doc)
        f.doc = std::move(r.doc);
      else if (!done.document_json.empty())
        f.doc = document_from_json(nlohmann::json::parse(done.document_json));
    }
  }
  waiting_.emplace(done.index, std::move(f));
  emit_in_order();
}

// A document the plan skipped reaches the batch writers as the ledger kept
// it: its summaries, and the whole document only when some writer needs it
// (a summary is a fraction of its size).
DocumentRecord RunRecorder::emit_skipped(std::size_t index) {
  const auto& p = plan_[index];
  DocumentRecord rec;
  rec.input = items_.path(index);
  rec.outcome = Outcome::skipped;
  rec.reason = p.reason;
  summary_.counts["skipped"]++;
  if (!batch_.active() || !p.known) return rec;
  const auto key = ledger_key(rec.input);
  const auto entry = ledger_.entry(key);
  auto summaries = ledger_.cached_summaries(key);
  std::optional<Document> doc;
  if (needs_documents_ || summaries.size() < summarizers_)
    if (auto cached = ledger_.cached_document(key); !cached.empty())
      doc = document_from_json(nlohmann::json::parse(cached));
  DocumentStatus status;
  if (entry) status = {entry->status, entry->error, entry->seconds};
  batch_.add(rec.input, doc ? &*doc : nullptr, summaries, status, summary_);
  return rec;
}

void RunRecorder::emit_in_order() {
  while (next_in_order_ < plan_.size()) {
    const std::size_t i = next_in_order_;
    DocumentRecord rec;
    if (!plan_[i].process) {
      rec = emit_skipped(i);
    } else {
      auto it = waiting_.find(i);
      if (it == waiting_.end()) return;
      rec = std::move(it->second.record);
      const auto& f = it->second;
      batch_.add(rec.input, f.doc ? &*f.doc : nullptr, f.summaries,
                 DocumentStatus{std::string(to_string(rec.outcome)), rec.error, rec.seconds},
                 summary_);
      waiting_.erase(it);
    }
    if (auto key = ledger_key(rec.input); key != rec.input)
      rec.key = std::move(key);  // most inputs are given absolute
    rec.position = items_.position(i);
    ++next_in_order_;
    ++done_;
    if (progress_) progress_(rec, done_, plan_.size(), summary_.counts);
    summary_.documents.push_back(rec);
  }
}

}  // namespace docpipe::host

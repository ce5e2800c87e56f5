// test.misbehave: a transform that misbehaves on purpose, driven by markers
// in the document text, so one pipeline can hold good and bad documents:
//   DOCPIPE_TEST_SEGFAULT     dereferences a null pointer (SIGSEGV)
//   DOCPIPE_TEST_ABORT        calls abort() (SIGABRT)
//   DOCPIPE_TEST_LOOP         spins forever
//   DOCPIPE_TEST_ALLOCATE     allocates and touches memory without bound
//   DOCPIPE_TEST_THROW        throws (an ordinary failure)
// and with `sleep_ms` > 0 every document takes that long (resume tests).
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <thread>
#include <vector>

#include "docpipe/plugin.hpp"

namespace {

class Misbehave : public docpipe::Transform {
 public:
  Misbehave(const docpipe::PluginEnv&, const docpipe::Params& params)
      : sleep_ms_(params.get<int>("sleep_ms")) {}

  void apply(docpipe::Document& doc) override {
    std::string all;
    for (const auto& b : doc.blocks) all += b.text + "\n";
    auto has = [&](const char* marker) { return all.find(marker) != std::string::npos; };
    if (sleep_ms_ > 0) std::this_thread::sleep_for(std::chrono::milliseconds(sleep_ms_));
    if (has("DOCPIPE_TEST_SEGFAULT")) {
      volatile int* p = nullptr;
      *p = 1;
    }
    if (has("DOCPIPE_TEST_ABORT")) std::abort();
    if (has("DOCPIPE_TEST_LOOP")) {
      volatile unsigned long spin = 0;
      for (;;) spin = spin + 1;
    }
    if (has("DOCPIPE_TEST_ALLOCATE")) {
      std::vector<char*> hoard;
      for (;;) {
        char* block = new char[64 << 20];
        std::memset(block, 1, 64 << 20);  // touch it: really resident
        hoard.push_back(block);
      }
    }
    if (has("DOCPIPE_TEST_THROW")) throw std::runtime_error("asked to fail");
  }

 private:
  int sleep_ms_;
};

}  // namespace

DOCPIPE_PLUGIN(Misbehave, .kind = docpipe::PluginKind::transform, .name = "test.misbehave",
               .version = "1.0.0",
               .description = "Test only: crashes, hangs or allocates on marked documents",
               .params_schema = R"({"type":"object","additionalProperties":false,
                 "properties":{"sleep_ms":{"type":"integer","minimum":0,"default":0}}})")

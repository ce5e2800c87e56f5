// Converting legacy office files to DOCX with LibreOffice, run headless in a
// child process: a time limit (the whole process group is killed when it is
// over) and a private user profile in a temporary directory made for each
// conversion and removed after it, so parallel workers never share or lock
// one profile, a desktop session's LibreOffice is not disturbed, and a
// worker killed between documents leaves nothing behind.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace docpipe::readers {

struct ConverterOptions {
  std::string program = "soffice";  // a name looked up on PATH, or a path
  double timeout_seconds = 90;
};

class OfficeConverter {
 public:
  explicit OfficeConverter(ConverterOptions options);

  // The DOCX LibreOffice makes of `bytes` (the content of `file`, whose
  // extension is kept so LibreOffice sees the name it expects). Throws
  // InputError naming `file`: converter missing, time limit, conversion
  // refused.
  std::string to_docx(const std::string& file, std::string_view bytes);

  // The program that would run, or empty when it is not installed.
  std::filesystem::path find_program() const;

 private:
  ConverterOptions options_;
};

}  // namespace docpipe::readers

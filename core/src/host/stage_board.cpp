#include "host/stage_board.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cstring>
#include <utility>

#include "docpipe/error.hpp"

namespace docpipe::host {

namespace {
char* map_page(int fd, std::size_t size) {
  void* p = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  return p == MAP_FAILED ? nullptr : static_cast<char*>(p);
}
}  // namespace

StageBoard StageBoard::create() {
  StageBoard b;
  b.fd_ = memfd_create("docpipe-stage", MFD_CLOEXEC);
  if (b.fd_ < 0 || ftruncate(b.fd_, kSize) != 0 || !(b.page_ = map_page(b.fd_, kSize)))
    throw Error(std::string("cannot share a page with a worker: ") + std::strerror(errno));
  return b;
}

StageBoard StageBoard::attach(int fd) {
  StageBoard b;
  if (char* page = map_page(fd, kSize)) {
    b.fd_ = fd;
    b.page_ = page;
  }
  return b;
}

StageBoard::StageBoard(StageBoard&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), page_(std::exchange(other.page_, nullptr)) {}

StageBoard& StageBoard::operator=(StageBoard&& other) noexcept {
  if (this != &other) {
    this->~StageBoard();
    fd_ = std::exchange(other.fd_, -1);
    page_ = std::exchange(other.page_, nullptr);
  }
  return *this;
}

StageBoard::~StageBoard() {
  if (page_) munmap(page_, kSize);
  if (fd_ >= 0) ::close(fd_);
}

void StageBoard::post(std::string_view stage) {
  if (!page_) return;
  const std::size_t n = std::min(stage.size(), kSize - 1);
  if (n) std::memcpy(page_, stage.data(), n);  // an empty view may have no data (UBSan)
  page_[n] = '\0';
}

std::string StageBoard::read() const {
  if (!page_) return {};
  return std::string(page_, strnlen(page_, kSize));
}

}  // namespace docpipe::host

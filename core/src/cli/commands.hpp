// The docpipe subcommands. Each returns the process exit code (docs/cli.md):
// 0 all documents ok, 1 some documents failed, 2 usage or configuration
// error, 3 the run itself failed.
#pragma once

#include <string>
#include <vector>

namespace docpipe::cli {

enum ExitCode { kOk = 0, kDocumentsFailed = 1, kConfigError = 2, kRunFailed = 3 };

using Args = std::vector<std::string>;

int cmd_run(const Args& args);
int cmd_convert(const Args& args);
int cmd_explain(const Args& args);
int cmd_validate(const Args& args);
int cmd_plugins(const Args& args);
// `docpipe merge SHARD_OUT... --out DIR`: one report and summary from N shards.
int cmd_merge(const Args& args);
// `docpipe pipeline show FILE`: the merged pipeline with defaults and origins.
int cmd_pipeline(const Args& args);
// `docpipe plugins new NAME --kind K [--dir D]`: writes a plugin project.
int cmd_plugins_new(const Args& args);
// `docpipe __worker ...`: hidden; a worker process of `docpipe run`.
int cmd_worker(const Args& args);

}  // namespace docpipe::cli

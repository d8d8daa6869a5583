// A small command-line parser: positional arguments and --options, each
// command declaring which options it takes. Bad usage is reported as
// UsageError (exit code 2).
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace lfrcli {

// Exit codes, documented in --help and the README.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalid = 1;  // infeasible scenario or invalid plan
inline constexpr int kExitBadInput = 2; // bad input or usage: nothing was written
inline constexpr int kExitBusy = 3;     // the database stayed locked: nothing was written

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct OptionSpec {
    std::string name; // without the leading dashes, e.g. "officers"
    bool takesValue = true;
    char shortName = '\0'; // e.g. 'o' for -o
};

// When the arguments ask for help (--help or -h), prints "usage: USAGE",
// a blank line and TEXT to standard output and returns true.
bool printHelpIfAsked(const std::vector<std::string> &argv, const std::string &usage, const std::string &text);

class Args {
public:
    Args(const std::string &command, const std::vector<std::string> &argv, const std::vector<OptionSpec> &specs);

    const std::string &command() const { return command_; }
    const std::vector<std::string> &positional() const { return positional_; }
    void expectPositional(std::size_t min, std::size_t max, const std::string &usage) const;
    bool flag(const std::string &name) const { return options_.count(name) != 0; }
    std::optional<std::string> value(const std::string &name) const;
    // Every value of an option given more than once, in order (value()
    // gives the last).
    std::vector<std::string> values(const std::string &name) const
    {
        const auto it = every_.find(name);
        return it == every_.end() ? std::vector<std::string>{} : it->second;
    }
    // An integer option within [min, max]; UsageError naming it otherwise.
    std::optional<long long> integer(const std::string &name, long long min, long long max) const;
    // A number of seconds > 0 (--time-limit); UsageError naming it otherwise.
    std::optional<double> seconds(const std::string &name) const;

private:
    std::string command_;
    std::vector<std::string> positional_;
    std::map<std::string, std::string> options_;
    std::map<std::string, std::vector<std::string>> every_;
};

} // namespace lfrcli

#include "args.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <exception>
#include <iostream>

namespace lfrcli {

bool printHelpIfAsked(const std::vector<std::string> &argv, const std::string &usage, const std::string &text)
{
    const bool asked =
        std::any_of(argv.begin(), argv.end(), [](const std::string &a) { return a == "--help" || a == "-h"; });
    if (asked)
        std::cout << "usage: " << usage << "\n\n" << text;
    return asked;
}

Args::Args(const std::string &command, const std::vector<std::string> &argv, const std::vector<OptionSpec> &specs)
    : command_(command)
{
    auto findLong = [&](const std::string &name) {
        return std::find_if(specs.begin(), specs.end(), [&](const OptionSpec &s) { return s.name == name; });
    };
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string &arg = argv[i];
        if (arg == "--") {
            positional_.insert(positional_.end(), argv.begin() + static_cast<std::ptrdiff_t>(i) + 1, argv.end());
            break;
        }
        std::vector<OptionSpec>::const_iterator spec = specs.end();
        std::optional<std::string> inlineValue;
        if (arg.rfind("--", 0) == 0) {
            std::string name = arg.substr(2);
            if (const auto eq = name.find('='); eq != std::string::npos) {
                inlineValue = name.substr(eq + 1);
                name.resize(eq);
            }
            spec = findLong(name);
        } else if (arg.size() == 2 && arg[0] == '-' && arg[1] != '-') {
            spec = std::find_if(specs.begin(), specs.end(), [&](const OptionSpec &s) { return s.shortName == arg[1]; });
        } else {
            positional_.push_back(arg);
            continue;
        }
        if (spec == specs.end())
            throw UsageError("'" + command_ + "' has no option " + arg + " (see lfrplan " + command_ + " --help)");
        if (!spec->takesValue) {
            if (inlineValue)
                throw UsageError("option --" + spec->name + " takes no value");
            options_[spec->name] = "";
            continue;
        }
        if (!inlineValue) {
            if (i + 1 >= argv.size())
                throw UsageError("option --" + spec->name + " needs a value");
            inlineValue = argv[++i];
        }
        options_[spec->name] = *inlineValue;
        every_[spec->name].push_back(*inlineValue);
    }
}

void Args::expectPositional(std::size_t min, std::size_t max, const std::string &usage) const
{
    if (positional_.size() < min || positional_.size() > max)
        throw UsageError("usage: " + usage);
}

std::optional<std::string> Args::value(const std::string &name) const
{
    const auto it = options_.find(name);
    if (it == options_.end())
        return std::nullopt;
    return it->second;
}

std::optional<long long> Args::integer(const std::string &name, long long min, long long max) const
{
    const auto text = value(name);
    if (!text)
        return std::nullopt;
    long long v = 0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
    if (ec != std::errc() || end != text->data() + text->size())
        throw UsageError("option --" + name + " must be a whole number, not \"" + *text + "\"");
    if (v < min || v > max)
        throw UsageError("option --" + name + " must be between " + std::to_string(min) + " and " +
                         std::to_string(max) + " (got " + *text + ")");
    return v;
}

std::optional<double> Args::seconds(const std::string &name) const
{
    const auto text = value(name);
    if (!text)
        return std::nullopt;
    double v = 0;
    try {
        v = std::stod(*text);
    } catch (const std::exception &) {
        throw UsageError("option --" + name + " must be a number of seconds, not \"" + *text + "\"");
    }
    if (!(v > 0) || !std::isfinite(v))
        throw UsageError("option --" + name + " must be > 0");
    return v;
}

} // namespace lfrcli

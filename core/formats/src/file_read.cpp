// Reading whole input files (scenarios, plans, records).
#include "lfrplan/errors.h"
#include "lfrplan/scenario_io.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace lfr {

std::string readTextFile(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(path.string(), std::string("cannot open file: ") + std::strerror(errno));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad())
        throw InputError(path.string(), "cannot read file");
    return std::move(buffer).str();
}

} // namespace lfr

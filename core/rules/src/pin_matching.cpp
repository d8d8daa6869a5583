#include "pin_matching.h"

namespace lfr {

// Maximum bipartite matching of pins to deployments by augmenting paths
// (Kuhn), iterative so that many pins cannot exhaust the stack. Pins are
// taken in order and a matched pin stays matched, so when pins compete
// for one deployment the earlier pin keeps it. Returns, per deployment,
// the pin it meets.
std::vector<std::optional<std::size_t>> matchPins(const std::vector<std::vector<std::size_t>> &edges,
                                                  std::size_t deployments)
{
    std::vector<std::optional<std::size_t>> pinOf(deployments);
    std::vector<std::size_t> visited(deployments, 0); // the last search (root + 1) that reached a deployment
    struct Frame {
        std::size_t pin;
        std::size_t next; // the next edge to try
    };
    std::vector<Frame> stack;
    std::vector<std::size_t> path; // path[i]: the deployment stack[i].pin takes if the search succeeds
    for (std::size_t root = 0; root < edges.size(); ++root) {
        stack.assign(1, Frame{root, 0});
        path.clear();
        while (!stack.empty()) {
            Frame &frame = stack.back();
            if (frame.next == edges[frame.pin].size()) {
                stack.pop_back();
                if (!path.empty())
                    path.pop_back();
                continue;
            }
            const std::size_t d = edges[frame.pin][frame.next++];
            if (visited[d] == root + 1)
                continue;
            visited[d] = root + 1;
            path.push_back(d);
            if (pinOf[d]) {
                stack.push_back(Frame{*pinOf[d], 0});
                continue;
            }
            for (std::size_t i = 0; i < stack.size(); ++i)
                pinOf[path[i]] = stack[i].pin;
            break;
        }
    }
    return pinOf;
}

} // namespace lfr

#include "solver_lp_model.h"

#include "solver_bound.h"

#include <CoinPackedMatrix.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace lfr {

using lp_detail::ColumnDraft;
using lp_detail::kInf;

namespace {

constexpr int kPricingRounds = 12; // column rounds per bound() before Farley's bound is used
constexpr std::size_t kColumnsPerRound = 20000;

} // namespace

// A lower bound on the minimisation LP (the negated objective) from any row
// duals: clipped to the signs each row allows, with every column at the
// bound its reduced cost prefers, the missing crew columns included. Valid
// whatever state the simplex stopped in. Fills `improving` with the missing
// columns of negative reduced cost.
double SlotLp::Model::dualBound(std::vector<std::size_t> *improving, std::vector<double> &reducedOut)
{
    const int rowsN = lp.numberRows();
    const int colsN = lp.numberColumns();
    std::vector<double> y(lp.dualRowSolution(), lp.dualRowSolution() + rowsN);
    double total = 0.0;
    for (int i = 0; i < rowsN; ++i) {
        const auto k = static_cast<std::size_t>(i);
        const bool lower = rowLower[k] > -kInf, upper = rowUpper[k] < kInf;
        if (!lower && y[k] > 0)
            y[k] = 0;
        if (!upper && y[k] < 0)
            y[k] = 0;
        total += y[k] > 0 ? y[k] * rowLower[k] : y[k] * rowUpper[k];
    }
    std::vector<double> aty(static_cast<std::size_t>(colsN), 0.0);
    lp.matrix()->transposeTimes(y.data(), aty.data());
    reducedOut.assign(static_cast<std::size_t>(colsN), 0.0);
    const double *obj = lp.objective();
    const double *cl = lp.columnLower();
    const double *cu = lp.columnUpper();
    for (int j = 0; j < colsN; ++j) {
        const auto k = static_cast<std::size_t>(j);
        const double d = obj[j] - aty[k];
        reducedOut[k] = d;
        total += d >= 0 ? d * cl[j] : d * cu[j];
    }
    // Missing crew columns: y_sgr in [0, crew_r].
    const std::size_t dates = ix.dateCount();
    std::vector<double> pairDual(teams * dates * windows * roles, 0.0);
    for (std::size_t td = 0; td < teams * dates; ++td) {
        const double cap = capRow[td] >= 0 ? y[static_cast<std::size_t>(capRow[td])] : 0.0;
        for (std::size_t p = 0; p < windows * roles; ++p)
            pairDual[td * windows * roles + p] = cap;
        for (const HallRow &h : hall[td])
            for (std::size_t p = 0; p < windows * roles; ++p)
                if ((h.pairs >> p & 1U) != 0)
                    pairDual[td * windows * roles + p] += y[static_cast<std::size_t>(h.row)];
    }
    std::vector<double> dutyDual(teams * roles, 0.0);
    for (std::size_t g = 0; g < teams; ++g)
        for (const DutyRow &d : duty[g])
            for (std::size_t r = 0; r < roles; ++r)
                if ((d.roles >> r & 1U) != 0)
                    dutyDual[g * roles + r] += y[static_cast<std::size_t>(d.row)];
    if (improving)
        improving->clear();
    for (std::size_t i = 0; i < potential.size(); ++i) {
        const Potential &p = potential[i];
        if (p.inModel != 0)
            continue;
        const Candidate &s = slots[p.slot];
        const std::size_t td = std::size_t{p.team} * dates + s.date;
        const double d = cost(p) - y[static_cast<std::size_t>(demandRow[p.slot * roles + p.role])] -
                         pairDual[td * windows * roles + pair(s.window, p.role)] - dutyDual[p.team * roles + p.role];
        if (d < 0) {
            total += d * crew[s.hotspot][p.role];
            if (improving && d < -1e-9)
                improving->push_back(i);
        }
    }
    return total;
}

SlotLp::Bound SlotLp::Model::solve(std::chrono::steady_clock::time_point deadline)
{
    Bound out;
    auto remaining = [&] { return std::chrono::duration<double>(deadline - std::chrono::steady_clock::now()).count(); };
    std::vector<std::size_t> improving;
    double lower = -kInf;
    for (int round = 0; round <= kPricingRounds; ++round) {
        if (remaining() <= 0)
            break;
        lp.setMaximumSeconds(std::max(remaining(), 0.001));
        // Between bound changes the factorisation and work areas are kept
        // (startFinishOptions 1|2|4); new columns need a fresh start.
        if (round == 0)
            lp.dual(0, keepWork ? 7 : 1);
        else
            lp.primal(1, 1);
        keepWork = round == 0;
        ++solveCount;
        everSolved = true;
        const int status = lp.status();
        if (status == 1 && round == 0) { // primal infeasible: no plan in the region
            out.solved = true;
            out.complete = true;
            out.infeasible = true;
            return out;
        }
        if (status != 0 && status != 3)
            break;
        out.complete = status == 0;
        std::vector<double> d;
        const double candidate = dualBound(&improving, d);
        if (candidate > lower) { // the bound and the reduced costs of the same duals
            lower = candidate;
            reduced = std::move(d);
        }
        if (improving.empty() || status != 0)
            break;
        out.complete = false; // columns to add: not yet the LP's optimum
        // Add the most improving columns, then re-solve.
        if (improving.size() > kColumnsPerRound)
            improving.resize(kColumnsPerRound);
        std::vector<ColumnDraft> drafts;
        for (const std::size_t i : improving) {
            potential[i].inModel = 1;
            drafts.push_back(crewColumn(potential[i]));
        }
        addColumns(drafts);
    }
    if (lower == -kInf || !std::isfinite(lower))
        return out;
    out.solved = true;
    // A margin for rounding in the dual bound's sums.
    const double bound = -lower;
    out.value = bound + 1e-9 * std::max(1.0, std::abs(bound));
    const double *sol = lp.primalColumnSolution();
    x.resize(slots.size());
    for (std::size_t s = 0; s < slots.size(); ++s)
        x[s] = sol[xCol[s]];
    dayValues.assign(dayCol.size(), 0.0);
    for (std::size_t t = 0; t < dayCol.size(); ++t)
        dayValues[t] = dayCol[t] >= 0 ? sol[dayCol[t]] : 0.0;
    return out;
}

SlotLp::SlotLp(const ScenarioIndex &index, const FlowBound &capacities, const std::vector<Candidate> &pins,
               const std::vector<Candidate> &candidates)
    : m_(std::make_unique<Model>(index))
{
    m_->pinCount = pins.size();
    m_->candCount = candidates.size();
    m_->slots = pins;
    m_->slots.insert(m_->slots.end(), candidates.begin(), candidates.end());
    m_->fixes.assign(candidates.size(), Fix::Free);
    m_->build(capacities);
}

SlotLp::~SlotLp() = default;

void SlotLp::fix(std::size_t candidate, Fix state)
{
    if (m_->fixes[candidate] == state)
        return;
    m_->fixes[candidate] = state;
    const int col = m_->xCol[m_->pinCount + candidate];
    m_->lp.setColumnBounds(col, state == Fix::In ? 1.0 : 0.0, state == Fix::Out ? 0.0 : 1.0);
    m_->dirty = true;
}

SlotLp::Fix SlotLp::fixed(std::size_t candidate) const { return m_->fixes[candidate]; }

bool SlotLp::hasDay(std::size_t date) const { return m_->dayCol[date] >= 0; }

void SlotLp::fixDay(std::size_t date, Fix state)
{
    if (m_->dayCol[date] < 0 || m_->dayFixes[date] == state)
        return;
    m_->dayFixes[date] = state;
    m_->lp.setColumnBounds(m_->dayCol[date], state == Fix::In ? 1.0 : 0.0, state == Fix::Out ? 0.0 : 1.0);
    m_->dirty = true;
}

SlotLp::Fix SlotLp::dayFixed(std::size_t date) const { return m_->dayFixes[date]; }

double SlotLp::dayValue(std::size_t date) const { return date < m_->dayValues.size() ? m_->dayValues[date] : 0.0; }

SlotLp::Bound SlotLp::bound(std::chrono::steady_clock::time_point deadline)
{
    if (!m_->dirty)
        return m_->last;
    m_->last = m_->solve(deadline);
    m_->dirty = !m_->last.complete; // an LP stopped early goes on from its basis next time
    return m_->last;
}

double SlotLp::boundWith(std::size_t candidate) const
{
    if (m_->dirty || !m_->last.solved || m_->last.infeasible)
        return std::numeric_limits<double>::infinity();
    const auto col = static_cast<std::size_t>(m_->xCol[m_->pinCount + candidate]);
    const double d = col < m_->reduced.size() ? m_->reduced[col] : 0.0;
    // Free at 0 with d > 0: forcing it to 1 raises the minimum by d.
    if (m_->fixes[candidate] != Fix::Free || d <= 0)
        return m_->last.value;
    return m_->last.value - d;
}

std::vector<double> SlotLp::boundsWith() const
{
    std::vector<double> out(m_->candCount);
    for (std::size_t j = 0; j < out.size(); ++j)
        out[j] = m_->dirty ? std::numeric_limits<double>::infinity() : boundWith(j);
    return out;
}

double SlotLp::value(std::size_t candidate) const
{
    const std::size_t s = m_->pinCount + candidate;
    return s < m_->x.size() ? m_->x[s] : 0.0;
}

std::size_t SlotLp::rows() const { return static_cast<std::size_t>(m_->lp.numberRows()); }
std::size_t SlotLp::columns() const { return static_cast<std::size_t>(m_->lp.numberColumns()); }
std::uint64_t SlotLp::solves() const { return m_->solveCount; }

} // namespace lfr

// The printable roster (issue 5, issue 18 finding 13): a PDF of the week
// board (dates across, vans and windows down, each deployment's hotspot,
// times and crew fill) followed by every deployment's crew list (role,
// warrant number, name, rank, team). A4 landscape.
//
// One renderer for both ways of printing: `lfrplan export-pdf` runs the
// small program lfrplan-roster-pdf (roster_pdf_main.cpp, Qt Gui only, no
// display), and the desktop app's Print roster and `lfrplan-gui
// --roster-pdf` call writeRosterPdf(). renderRosterPdf() needs a
// QGuiApplication (fonts come from the platform's font database).
//
// Text is drawn without ligatures (QFont::PreferNoShaping), so "Kofi" is
// found by a PDF reader's search and copied as typed. Fonts: DejaVu Sans,
// then WenQuanYi Micro Hei (Chinese, Japanese, Korean) and Symbola (emoji
// and symbols, in black and white: colour emoji fonts do not embed in a
// PDF) when installed, then whatever fontconfig offers. A character that no
// installed font has is left out (a gap or a box), and a warning names it
// and whose name (or which hotspot, team...) it is in. Qt's PDF writer maps
// only characters of the Basic Multilingual Plane back to text: emoji and
// rarer CJK characters print, but a PDF reader's search cannot find them.
#pragma once

#include "lfrplan/model.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace lfr::ui {

class PlanDocument;

struct RosterPdf {
    QByteArray pdf;       // the file's bytes (empty on error)
    QStringList warnings; // characters no font has, in the planner's words
    QString error;        // empty, or what went wrong
};

// The roster of `deployments` in `scenario` (a plan that breaks a hard
// constraint prints with "NOT VALID" and its number of problems).
RosterPdf renderRosterPdf(const Scenario &scenario, const std::vector<Deployment> &deployments);

// The characters of `text` that no font the roster uses can draw (each
// code point once, in order of appearance).
std::vector<char32_t> unprintableCharacters(const QString &text);

// The open document's roster, written atomically to `file` (the rules of
// lfr::writeFileAtomically: an existing file keeps its mode, a link is
// written through). Returns an empty string, or what went wrong. Warnings
// go to `warnings`, or to standard error when it is null.
QString writeRosterPdf(const PlanDocument &document, const QString &file, QStringList *warnings = nullptr);

} // namespace lfr::ui

# Install rules and the Debian package (issue 7). Included by the top-level
# CMakeLists.txt. `cpack -G DEB` in a build folder makes
# lfrplan_VERSION_amd64.deb; packaging/test-package.sh builds, unpacks,
# runs and lints it.
#
# Layout (FHS, prefix /usr):
#   bin/lfrplan, bin/lfrplan-gui
#   libexec/lfrplan/lfrplan-roster-pdf   the PDF renderer lfrplan export-pdf
#                             runs (found as ../libexec/lfrplan/ from lfrplan)
#   share/lfrplan/            demo data (found by the programs as ../share/lfrplan)
#   share/applications/lfrplan.desktop
#   share/icons/hicolor/scalable/apps/lfrplan.svg
#   share/man/man1/lfrplan.1.gz, lfrplan-gui.1.gz
#   share/doc/lfrplan/copyright, changelog.gz
# User databases are never written here: the app keeps its workspace under
# the user's XDG data folder.
include(GNUInstallDirs)

install(TARGETS lfrplan RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(LFRPLAN_BUILD_UI)
  install(TARGETS lfrplan-gui RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  # Not ${CMAKE_INSTALL_LIBEXECDIR}: lfrplan looks exactly here, relative to
  # itself (app/cli/cmd_export_pdf.cpp).
  install(TARGETS lfrplan-roster-pdf RUNTIME DESTINATION libexec/lfrplan)
  install(FILES packaging/lfrplan.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES packaging/lfrplan.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
endif()

set(LFRPLAN_SHARE ${CMAKE_INSTALL_DATADIR}/lfrplan)
install(FILES data/demo-week.json data/demo-carnival.json data/sources/london-boroughs.geojson
        DESTINATION ${LFRPLAN_SHARE})
install(FILES data/sources/README.md data/sources/lfr-deployment-records-2020-2023.csv
        data/sources/london-places.csv data/sources/met-ward-crime-2023-07_2025-06-robbery-theft-person.csv
        DESTINATION ${LFRPLAN_SHARE}/sources)

# Compressed man pages and changelog, without timestamps (reproducible).
find_program(LFRPLAN_GZIP gzip REQUIRED)
set(LFRPLAN_PACKAGING_OUT ${CMAKE_CURRENT_BINARY_DIR}/packaging)
set(LFRPLAN_COMPRESSED)
foreach(source man/lfrplan.1 man/lfrplan-gui.1 changelog)
  get_filename_component(name ${source} NAME)
  set(out ${LFRPLAN_PACKAGING_OUT}/${name}.gz)
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${LFRPLAN_PACKAGING_OUT}
    COMMAND ${LFRPLAN_GZIP} -9nc ${CMAKE_CURRENT_SOURCE_DIR}/packaging/${source} > ${out}
    DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/packaging/${source}
    VERBATIM)
  list(APPEND LFRPLAN_COMPRESSED ${out})
endforeach()
add_custom_target(lfrplan_packaging_files ALL DEPENDS ${LFRPLAN_COMPRESSED})
install(FILES ${LFRPLAN_PACKAGING_OUT}/lfrplan.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
if(LFRPLAN_BUILD_UI)
  install(FILES ${LFRPLAN_PACKAGING_OUT}/lfrplan-gui.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()
install(FILES packaging/copyright ${LFRPLAN_PACKAGING_OUT}/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

# --- The .deb -----------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME lfrplan)
set(CPACK_PACKAGE_VENDOR "the lfrplan authors")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "lfrplan maintainers <maintainers@lfrplan.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "plan live facial recognition deployments within staffing limits")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE amd64)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://lfrplan.invalid/")
# Dependencies from the binaries' shared libraries (dpkg-shlibdeps): Debian's
# Qt 6 Widgets and Charts, SQLite, libstdc++.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The printable roster's fonts (ui/roster_pdf.h): without them, Chinese,
# Japanese, Korean and emoji names print as gaps or boxes, with a warning.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-dejavu-core, fonts-wqy-microhei, fonts-symbola")
# The long description; CPack puts the summary above it and writes the
# blank lines as Debian's " ." paragraph breaks.
set(CPACK_PACKAGE_DESCRIPTION
    "lfrplan keeps a model of a police force's officers, teams, hotspots and
vans, and packs a week's live facial recognition deployments within every
team's staffing limits with an exact solver. Planners adjust the week board
by hand and re-solve around what they pinned; commanders compare what-if
scenarios.

Each deployment is accountable from plan to outcome: an authorisation
record following the College of Policing's practice, its outcome, a
transparency report from published records, and an append-only audit
trail.

This package holds the desktop app (lfrplan-gui), the command-line tool
(lfrplan), its PDF renderer and the demo data.")
include(CPack)

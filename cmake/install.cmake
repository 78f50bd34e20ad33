# Installation in the usual places (GNUInstallDirs: /usr/bin, /usr/share/man,
# /usr/share/inovasi, ...), the Debian package that CPack builds from it
# (`cpack -G DEB` in the build directory), and the test that installs into a
# temporary prefix and runs what was installed.
include(GNUInstallDirs)

install(TARGETS inovasi RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
file(GLOB INOVASI_MAN1 ${PROJECT_SOURCE_DIR}/man/*.1)
install(FILES ${INOVASI_MAN1} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_SOURCE_DIR}/man/inovasi.5 DESTINATION ${CMAKE_INSTALL_MANDIR}/man5)
install(FILES ${PROJECT_SOURCE_DIR}/completion/inovasi.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME inovasi)
# data/: the report labels (also built into the program) and the editor schemas.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/data/ DESTINATION ${CMAKE_INSTALL_DATADIR}/inovasi)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples
        USE_SOURCE_PERMISSIONS)

# The .deb: its dependencies are the Debian packages of the libraries the
# binary links (dpkg-shlibdeps finds them: libyaml-cpp0.7, libfmt9, ...), so
# that an office installs it with `apt install ./inovasi_*.deb`.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME inovasi)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "records and evaluation of a regional innovation programme")
set(CPACK_PACKAGE_DESCRIPTION
    "inovasi keeps the records of a regional innovation programme (ideas, performance\n\
contracts, quarterly reports, evaluations and regulations) as a git-friendly\n\
directory of YAML files, and writes the summaries in CSV and Markdown.")
set(CPACK_PACKAGE_CONTACT "inovasi maintainers <maintainers@inovasi.invalid>")
# The package installs where the build was configured to (the binary names
# its schema folder by that path): configure with -DCMAKE_INSTALL_PREFIX=/usr
# for a package for apt.
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "git")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
include(CPack)

if(BUILD_TESTING)
  add_test(NAME install_and_package
           COMMAND bash ${PROJECT_SOURCE_DIR}/tests/install/install_test.sh ${PROJECT_BINARY_DIR}
                   ${PROJECT_VERSION})
  set_tests_properties(install_and_package PROPERTIES TIMEOUT 300)
endif()

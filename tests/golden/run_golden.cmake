# Runs copydesk on CASE_DIR/input.* and compares the line-format output with expected.line.
# Set COPYDESK_UPDATE_GOLDEN=1 in the environment to rewrite expected.line instead.
file(GLOB inputs RELATIVE ${CASE_DIR} ${CASE_DIR}/input.*)
list(GET inputs 0 input)
set(extra_args "")
if(EXISTS ${CASE_DIR}/args)
    file(STRINGS ${CASE_DIR}/args extra_args)
    separate_arguments(extra_args UNIX_COMMAND "${extra_args}")
endif()
execute_process(
    COMMAND ${EXE} lint --format line --color never ${extra_args} ${input}
    WORKING_DIRECTORY ${CASE_DIR}
    OUTPUT_VARIABLE actual
    ERROR_VARIABLE errors
    RESULT_VARIABLE code)
if(NOT code EQUAL 0 AND NOT code EQUAL 1)
    message(FATAL_ERROR "copydesk exited with ${code}: ${errors}")
endif()
if("$ENV{COPYDESK_UPDATE_GOLDEN}" STREQUAL "1")
    file(WRITE ${CASE_DIR}/expected.line "${actual}")
    return()
endif()
file(READ ${CASE_DIR}/expected.line expected)
if(NOT actual STREQUAL expected)
    file(WRITE ${CASE_DIR}/actual.line.tmp "${actual}")
    execute_process(COMMAND diff -u ${CASE_DIR}/expected.line ${CASE_DIR}/actual.line.tmp)
    file(REMOVE ${CASE_DIR}/actual.line.tmp)
    message(FATAL_ERROR "output differs from ${CASE_DIR}/expected.line")
endif()

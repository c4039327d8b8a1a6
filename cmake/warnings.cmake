# Warnings for our own code only (third-party targets do not link this).
add_library(hcf_warnings INTERFACE)
target_compile_options(hcf_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
option(HCF_WERROR "Treat warnings in our own code as errors" OFF)
if(HCF_WERROR)
    target_compile_options(hcf_warnings INTERFACE -Werror)
endif()

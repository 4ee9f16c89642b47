#!/usr/bin/env python3
"""Writes src/markup/entity_table.cpp: the HTML5 named character references.

The list is the WHATWG HTML Standard's table of named character references
(https://html.spec.whatwg.org/multipage/named-characters.html, CC BY 4.0), as shipped in
Python's html.entities.html5. Run from the repository root:

    python3 tools/entities/gen_entities.py > src/markup/entity_table.cpp
"""
import html.entities


def c_string(text: str) -> str:
    return '"' + ''.join('\\x%02X' % b for b in text.encode('utf-8')) + '"'


def main() -> None:
    names = sorted(html.entities.html5)
    print('// The HTML5 named character references (WHATWG HTML Standard, CC BY 4.0).')
    print('// Written by tools/entities/gen_entities.py; do not edit by hand.')
    print('#include "markup/entities.hpp"')
    print()
    print('namespace copydesk::markup {')
    print()
    print('// Sorted by name; names without a trailing ";" are the legacy forms HTML also accepts.')
    print('const std::array<NamedEntity, %d> kNamedEntities{{' % len(names))
    for name in names:
        value = html.entities.html5[name]
        print('    {"%s", %s},' % (name, c_string(value)))
    print('}};')
    print()
    print('}  // namespace copydesk::markup')


if __name__ == '__main__':
    main()

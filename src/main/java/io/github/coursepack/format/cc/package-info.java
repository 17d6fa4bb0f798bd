/**
 * IMS Common Cartridge: {@link io.github.coursepack.format.cc.CcFormat} writes a CC 1.1 cartridge
 * for Moodle's course import, one section per unit with its page and its quiz; {@link
 * io.github.coursepack.format.cc.CcCheck} checks a cartridge against what Moodle's CC 1.0/1.1
 * importer accepts.
 */
package io.github.coursepack.format.cc;

/**
 * Renders a unit as an HTML page from a template folder ({@code course-templates/<name>/}): a
 * Mustache file {@code unit.html} and the {@code assets/} copied beside it into every package. A
 * course may restyle units with its own folder, which overrides the default template file by file.
 */
package io.github.coursepack.render;

package io.github.coursepack.format.moodle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * What a random quiz slot draws from: the {@code filtercondition} of its question set reference.
 * Moodle 4.0–4.2 write the legacy shape {@code {"questioncategoryid":"5",
 * "includingsubcategories":0}}, which 4.1 restore remaps as it is; 4.3+ write {@code
 * {"filter":{"category":{"values":["5"], "filteroptions":{"includesubcategories": 0}}}, …}} and
 * convert the legacy shape when they restore it.
 *
 * @param categoryId the id of the category in {@code questions.xml}
 * @param subcategories whether the slot also draws from the category's subcategories
 */
record RandomFilter(String categoryId, boolean subcategories) {

  // PHP's json_decode refuses trailing text, so the check does too.
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** A filter read from a backup, or why it cannot be read. */
  record Reading(Optional<RandomFilter> filter, String problem) {}

  /**
   * The legacy filter coursepack writes: the category id as a string and the subcategory flag as a
   * number, as Moodle 4.1 writes them. Both versions read {@code includingsubcategories} without
   * checking that it is there, so it always is; there is no {@code tags} key, since there are none.
   */
  static String legacyJson(int categoryId) {
    return "{\"questioncategoryid\":\"" + categoryId + "\",\"includingsubcategories\":0}";
  }

  static Reading read(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return problem("is not JSON (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      return problem("is not a JSON object");
    }
    return root.has("filter") ? current(root.get("filter")) : legacy(root);
  }

  private static Reading legacy(JsonNode root) {
    Optional<String> category = id(root.get("questioncategoryid"));
    if (category.isEmpty()) {
      return problem(
          "has neither a category id in questioncategoryid (4.0–4.2) nor a filter (4.3+)");
    }
    JsonNode sub = root.get("includingsubcategories");
    if (sub == null) {
      // Read unchecked by 4.1's qbank_helper and 4.3+'s converter.
      return problem("has no includingsubcategories; Moodle reads it unchecked");
    }
    Optional<Boolean> flag = flag(sub);
    if (flag.isEmpty()) {
      return problem("has includingsubcategories " + sub + ", not 0 or 1");
    }
    JsonNode tags = root.get("tags");
    if (tags != null && !tags.isArray()) {
      return problem("has tags that are not a list");
    }
    return new Reading(Optional.of(new RandomFilter(category.get(), flag.get())), "");
  }

  private static Reading current(JsonNode filter) {
    JsonNode category = filter.path("category");
    JsonNode values = category.path("values");
    Optional<String> id =
        values.isArray() && values.size() > 0 ? id(values.get(0)) : Optional.empty();
    if (id.isEmpty()) {
      return problem("has a filter (4.3+) without a category id in filter.category.values");
    }
    JsonNode sub = category.path("filteroptions").get("includesubcategories");
    Optional<Boolean> flag = sub == null ? Optional.of(false) : flag(sub);
    if (flag.isEmpty()) {
      return problem("has filteroptions.includesubcategories " + sub + ", not 0 or 1");
    }
    return new Reading(Optional.of(new RandomFilter(id.get(), flag.get())), "");
  }

  /** A row id, as Moodle writes it: a positive number, as a JSON string or number. */
  private static Optional<String> id(JsonNode node) {
    if (node == null || !(node.isTextual() || node.isIntegralNumber())) {
      return Optional.empty();
    }
    String text = node.asText();
    return text.matches("[1-9][0-9]{0,17}") ? Optional.of(text) : Optional.empty();
  }

  /** A PHP-style flag: a boolean, 0 or 1, as a number or a string. */
  private static Optional<Boolean> flag(JsonNode node) {
    if (node.isBoolean()) {
      return Optional.of(node.booleanValue());
    }
    if (node.isIntegralNumber() || node.isTextual()) {
      String text = node.asText();
      if (text.equals("0") || text.equals("1")) {
        return Optional.of(text.equals("1"));
      }
    }
    return Optional.empty();
  }

  private static Reading problem(String problem) {
    return new Reading(Optional.empty(), problem);
  }
}

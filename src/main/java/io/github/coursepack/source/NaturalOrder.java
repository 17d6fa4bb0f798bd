package io.github.coursepack.source;

import java.util.Comparator;

/**
 * Orders names as people do: {@code 2-intro} before {@code 10-bilan}. Ties fall back to plain
 * order.
 */
enum NaturalOrder implements Comparator<String> {
  INSTANCE;

  private static final java.util.regex.Pattern LEADING_ZEROS =
      java.util.regex.Pattern.compile("^0+(?=\\d)");

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (Character.isDigit(ca) && Character.isDigit(cb)) {
        int si = i;
        int sj = j;
        while (i < a.length() && Character.isDigit(a.charAt(i))) {
          i++;
        }
        while (j < b.length() && Character.isDigit(b.charAt(j))) {
          j++;
        }
        String na = LEADING_ZEROS.matcher(a.substring(si, i)).replaceFirst("");
        String nb = LEADING_ZEROS.matcher(b.substring(sj, j)).replaceFirst("");
        int c =
            na.length() != nb.length()
                ? Integer.compare(na.length(), nb.length())
                : na.compareTo(nb);
        if (c != 0) {
          return c;
        }
      } else {
        if (ca != cb) {
          return Character.compare(ca, cb);
        }
        i++;
        j++;
      }
    }
    int c = Integer.compare(a.length() - i, b.length() - j);
    return c != 0 ? c : a.compareTo(b);
  }
}

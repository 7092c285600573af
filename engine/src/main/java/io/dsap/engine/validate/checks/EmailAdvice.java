package io.dsap.engine.validate.checks;

/** Says what is wrong with an email address, in a few words. */
final class EmailAdvice {
  private EmailAdvice() {}

  static String problem(String v) {
    if (v.chars().anyMatch(Character::isWhitespace)) {
      return "it contains a space";
    }
    int at = v.indexOf('@');
    if (at < 0) {
      return "it has no @";
    }
    if (v.indexOf('@', at + 1) >= 0) {
      return "it has more than one @";
    }
    if (at == 0) {
      return "nothing before the @";
    }
    String domain = v.substring(at + 1);
    if (!domain.contains(".")) {
      return "the domain '" + domain + "' has no top-level part such as .com";
    }
    return null;
  }
}

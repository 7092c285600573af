package example.iban;

public final class IbanRule implements io.dsap.engine.validate.ValidationRule {
  public String name() { return "iban"; }
  public String description() { return "an IBAN with a valid check sum"; }

  public ValueTest bind(String column, java.util.Map<String, Object> with) {
    Object country = with.get("country");          // from `with:` in the schema
    return new ValueTest() {
      public String expected() { return "an IBAN" + (country == null ? "" : " of " + country); }
      public String test(String v) {                // null = passes; else what is wrong
        String s = v.replace(" ", "");
        if (country != null && !s.startsWith(country.toString())) return "not a " + country + " IBAN";
        java.math.BigInteger n = new java.math.BigInteger((s.substring(4) + s.substring(0, 4)).chars()
            .mapToObj(c -> Character.isLetter(c) ? String.valueOf(c - 'A' + 10) : String.valueOf((char) c))
            .collect(java.util.stream.Collectors.joining()));
        return n.mod(java.math.BigInteger.valueOf(97)).intValue() == 1 ? null : "the check sum is wrong";
      }
    };
  }
}

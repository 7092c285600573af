package io.dsap.engine.filter;

import io.dsap.engine.batch.Batch;
import io.dsap.engine.batch.BooleanVector;
import io.dsap.engine.batch.DoubleVector;
import io.dsap.engine.batch.LongVector;
import io.dsap.engine.batch.StringVector;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a {@link RowFilter} over batches, one expression node at a time over all rows of the batch
 * (column-at-a-time loops, no value boxed). Holds buffers: one evaluator per thread.
 */
public final class Evaluator {
  private static final byte FALSE = 0;
  private static final byte TRUE = 1;
  private static final byte UNKNOWN = 2;

  private final Node root;

  Evaluator(Expr root, Map<Integer, Integer> positions) {
    this.root = compile(root, positions);
  }

  /**
   * Writes the rows of {@code b} for which the filter is true to {@code sel} (ascending) and returns
   * how many there are. {@code sel} holds at least {@code b.rowCount()} entries.
   */
  public int select(Batch b, int[] sel) {
    int n = b.rowCount();
    root.eval(b, n);
    byte[] v = ((BoolNode) root).v;
    int k = 0;
    for (int r = 0; r < n; r++) {
      sel[k] = r;
      k += v[r] == TRUE ? 1 : 0;
    }
    return k;
  }

  // ---------------------------------------------------------------- nodes

  private abstract static class Node {
    boolean[] nul = new boolean[0];

    abstract void eval(Batch b, int n);

    final void size(int n) {
      if (nul.length < n) {
        nul = new boolean[n];
        grow(n);
      }
    }

    void grow(int n) {
    }
  }

  private abstract static class LongNode extends Node {
    long[] v = new long[0];

    @Override
    void grow(int n) {
      v = new long[n];
    }
  }

  private abstract static class DoubleNode extends Node {
    double[] v = new double[0];

    @Override
    void grow(int n) {
      v = new double[n];
    }
  }

  /** A BOOL value per row: TRUE, FALSE or UNKNOWN ({@code nul} unused). */
  private abstract static class BoolNode extends Node {
    byte[] v = new byte[0];

    @Override
    void grow(int n) {
      v = new byte[n];
    }
  }

  /** A STRING value per row: a vector's bytes, or one constant. */
  private abstract static class StringNode extends Node {
    StringVector vector; // null for a constant
    byte[] constant;
  }

  private Node compile(Expr e, Map<Integer, Integer> positions) {
    if (e instanceof Expr.Column c) {
      int pos = positions.get(c.column());
      return switch (c.kind()) {
        case LONG -> new LongNode() {
          @Override
          void eval(Batch b, int n) {
            LongVector vec = (LongVector) b.column(pos);
            size(n);
            v = vec.values(); // read in place
            for (int r = 0; r < n; r++) {
              nul[r] = vec.isNull(r);
            }
          }

          @Override
          void grow(int n) {
          }
        };
        case DOUBLE -> new DoubleNode() {
          @Override
          void eval(Batch b, int n) {
            DoubleVector vec = (DoubleVector) b.column(pos);
            size(n);
            v = vec.values();
            for (int r = 0; r < n; r++) {
              nul[r] = vec.isNull(r);
            }
          }

          @Override
          void grow(int n) {
          }
        };
        case STRING -> new StringNode() {
          @Override
          void eval(Batch b, int n) {
            vector = (StringVector) b.column(pos);
            size(n);
            for (int r = 0; r < n; r++) {
              nul[r] = vector.isNull(r);
            }
          }
        };
        case BOOL -> new BoolNode() {
          @Override
          void eval(Batch b, int n) {
            BooleanVector vec = (BooleanVector) b.column(pos);
            size(n);
            for (int r = 0; r < n; r++) {
              v[r] = vec.isNull(r) ? UNKNOWN : vec.value(r) ? TRUE : FALSE;
            }
          }
        };
      };
    }
    if (e instanceof Expr.Constant c) {
      return constant(c);
    }
    if (e instanceof Expr.Arith a) {
      return arith(a, positions);
    }
    if (e instanceof Expr.Rescale s) {
      LongNode in = (LongNode) compile(s.input(), positions);
      long factor = s.factor();
      return new LongNode() {
        @Override
        void eval(Batch b, int n) {
          in.eval(b, n);
          size(n);
          for (int r = 0; r < n; r++) {
            nul[r] = in.nul[r];
            v[r] = nul[r] ? 0 : Math.multiplyExact(in.v[r], factor);
          }
        }
      };
    }
    if (e instanceof Expr.ToDouble t) {
      LongNode in = (LongNode) compile(t.input(), positions);
      int scale = t.scale();
      double divisor = Math.pow(10, scale);
      return new DoubleNode() {
        @Override
        void eval(Batch b, int n) {
          in.eval(b, n);
          size(n);
          for (int r = 0; r < n; r++) {
            nul[r] = in.nul[r];
            long x = in.v[r];
            if (scale == 0) {
              v[r] = x;
            } else if (Math.abs(x) < (1L << 53) && scale <= 22) {
              v[r] = x / divisor; // both exact, so the quotient is correctly rounded
            } else {
              v[r] = BigDecimal.valueOf(x, scale).doubleValue();
            }
          }
        }
      };
    }
    if (e instanceof Expr.Compare c) {
      return compare(c, positions);
    }
    if (e instanceof Expr.In in) {
      return in(in, positions);
    }
    if (e instanceof Expr.Logic l) {
      List<BoolNode> inputs = new ArrayList<>();
      for (Expr x : l.inputs()) {
        inputs.add((BoolNode) compile(x, positions));
      }
      boolean and = l.and();
      byte dominant = and ? FALSE : TRUE;
      byte neutral = and ? TRUE : FALSE;
      return new BoolNode() {
        @Override
        void eval(Batch b, int n) {
          size(n);
          Arrays.fill(v, 0, n, neutral);
          for (BoolNode x : inputs) {
            x.eval(b, n);
            for (int r = 0; r < n; r++) {
              byte a = v[r];
              byte c = x.v[r];
              v[r] = a == dominant || c == dominant ? dominant : a == UNKNOWN || c == UNKNOWN ? UNKNOWN : neutral;
            }
          }
        }
      };
    }
    if (e instanceof Expr.Not not) {
      BoolNode in = (BoolNode) compile(not.input(), positions);
      return new BoolNode() {
        @Override
        void eval(Batch b, int n) {
          in.eval(b, n);
          size(n);
          for (int r = 0; r < n; r++) {
            v[r] = in.v[r] == UNKNOWN ? UNKNOWN : in.v[r] == TRUE ? FALSE : TRUE;
          }
        }
      };
    }
    if (e instanceof Expr.Is is) {
      return is(is, positions);
    }
    throw new IllegalArgumentException("cannot evaluate " + e);
  }

  private static Node constant(Expr.Constant c) {
    Object value = c.value();
    return switch (c.kind()) {
      case LONG -> new LongNode() {
        @Override
        void eval(Batch b, int n) {
          if (nul.length < n) {
            size(n);
            Arrays.fill(nul, value == null);
            Arrays.fill(v, value == null ? 0 : (Long) value);
          }
        }
      };
      case DOUBLE -> new DoubleNode() {
        @Override
        void eval(Batch b, int n) {
          if (nul.length < n) {
            size(n);
            Arrays.fill(nul, value == null);
            Arrays.fill(v, value == null ? 0 : (Double) value);
          }
        }
      };
      case STRING -> new StringNode() {
        @Override
        void eval(Batch b, int n) {
          constant = (byte[]) value;
          if (nul.length < n) {
            size(n);
            Arrays.fill(nul, value == null);
          }
        }
      };
      case BOOL -> new BoolNode() {
        @Override
        void eval(Batch b, int n) {
          if (nul.length < n) {
            size(n);
            Arrays.fill(v, value == null ? UNKNOWN : (Boolean) value ? TRUE : FALSE);
          }
        }
      };
    };
  }

  private Node arith(Expr.Arith a, Map<Integer, Integer> positions) {
    Node left = compile(a.left(), positions);
    Node right = a.right() == null ? null : compile(a.right(), positions);
    Expr.ArithOp op = a.op();
    if (a.kind() == Expr.Kind.DOUBLE) {
      DoubleNode l = (DoubleNode) left;
      DoubleNode rt = (DoubleNode) right;
      return new DoubleNode() {
        @Override
        void eval(Batch b, int n) {
          l.eval(b, n);
          if (rt != null) {
            rt.eval(b, n);
          }
          size(n);
          for (int r = 0; r < n; r++) {
            nul[r] = l.nul[r] || (rt != null && rt.nul[r]);
            double x = l.v[r];
            v[r] = switch (op) {
              case PLUS -> x + rt.v[r];
              case MINUS -> x - rt.v[r];
              case TIMES -> x * rt.v[r];
              case NEGATE -> -x;
              case MOD -> x % rt.v[r];
            };
          }
        }
      };
    }
    LongNode l = (LongNode) left;
    LongNode rt = (LongNode) right;
    boolean wrapInt = a.wrapInt();
    boolean exact = a.exact();
    return new LongNode() {
      @Override
      void eval(Batch b, int n) {
        l.eval(b, n);
        if (rt != null) {
          rt.eval(b, n);
        }
        size(n);
        for (int r = 0; r < n; r++) {
          boolean isNull = l.nul[r] || (rt != null && rt.nul[r]);
          nul[r] = isNull;
          if (isNull) {
            v[r] = 0;
            continue;
          }
          long x = l.v[r];
          long y = rt == null ? 0 : rt.v[r];
          long z;
          if (exact) {
            z = switch (op) {
              case PLUS -> Math.addExact(x, y);
              case MINUS -> Math.subtractExact(x, y);
              case TIMES -> Math.multiplyExact(x, y);
              case NEGATE -> Math.negateExact(x);
              case MOD -> x % y;
            };
          } else {
            z = switch (op) {
              case PLUS -> x + y;
              case MINUS -> x - y;
              case TIMES -> x * y;
              case NEGATE -> -x;
              case MOD -> x % y;
            };
          }
          v[r] = wrapInt ? (int) z : z;
        }
      }
    };
  }

  private Node compare(Expr.Compare c, Map<Integer, Integer> positions) {
    Node left = compile(c.left(), positions);
    Node right = compile(c.right(), positions);
    Expr.CompareOp op = c.op();
    if (left instanceof StringNode l) {
      StringNode rt = (StringNode) right;
      boolean eq = op == Expr.CompareOp.EQ;
      return new BoolNode() {
        @Override
        void eval(Batch b, int n) {
          l.eval(b, n);
          rt.eval(b, n);
          size(n);
          for (int r = 0; r < n; r++) {
            if (l.nul[r] || rt.nul[r]) {
              v[r] = UNKNOWN;
            } else {
              v[r] = equal(l, rt, r) == eq ? TRUE : FALSE;
            }
          }
        }
      };
    }
    if (left instanceof DoubleNode l) {
      DoubleNode rt = (DoubleNode) right;
      return new BoolNode() {
        @Override
        void eval(Batch b, int n) {
          l.eval(b, n);
          rt.eval(b, n);
          size(n);
          for (int r = 0; r < n; r++) {
            if (l.nul[r] || rt.nul[r]) {
              v[r] = UNKNOWN;
              continue;
            }
            double x = l.v[r];
            double y = rt.v[r];
            boolean t = switch (op) {
              case EQ -> x == y;
              case NE -> x != y;
              case LT -> x < y;
              case LE -> x <= y;
              case GT -> x > y;
              case GE -> x >= y;
            };
            v[r] = t ? TRUE : FALSE;
          }
        }
      };
    }
    if (left instanceof BoolNode l) {
      BoolNode rt = (BoolNode) right;
      return new BoolNode() {
        @Override
        void eval(Batch b, int n) {
          l.eval(b, n);
          rt.eval(b, n);
          size(n);
          for (int r = 0; r < n; r++) {
            if (l.v[r] == UNKNOWN || rt.v[r] == UNKNOWN) {
              v[r] = UNKNOWN;
              continue;
            }
            int cmp = Integer.compare(l.v[r], rt.v[r]); // false < true
            v[r] = test(op, cmp) ? TRUE : FALSE;
          }
        }
      };
    }
    LongNode l = (LongNode) left;
    LongNode rt = (LongNode) right;
    return new BoolNode() {
      @Override
      void eval(Batch b, int n) {
        l.eval(b, n);
        rt.eval(b, n);
        size(n);
        long[] x = l.v;
        long[] y = rt.v;
        for (int r = 0; r < n; r++) {
          boolean t = switch (op) {
            case EQ -> x[r] == y[r];
            case NE -> x[r] != y[r];
            case LT -> x[r] < y[r];
            case LE -> x[r] <= y[r];
            case GT -> x[r] > y[r];
            case GE -> x[r] >= y[r];
          };
          v[r] = l.nul[r] || rt.nul[r] ? UNKNOWN : t ? TRUE : FALSE;
        }
      }
    };
  }

  private static boolean test(Expr.CompareOp op, int cmp) {
    return switch (op) {
      case EQ -> cmp == 0;
      case NE -> cmp != 0;
      case LT -> cmp < 0;
      case LE -> cmp <= 0;
      case GT -> cmp > 0;
      case GE -> cmp >= 0;
    };
  }

  private static boolean equal(StringNode a, StringNode b, int r) {
    byte[] da = a.vector == null ? a.constant : a.vector.data();
    int sa = a.vector == null ? 0 : a.vector.start(r);
    int ea = a.vector == null ? a.constant.length : a.vector.end(r);
    byte[] db = b.vector == null ? b.constant : b.vector.data();
    int sb = b.vector == null ? 0 : b.vector.start(r);
    int eb = b.vector == null ? b.constant.length : b.vector.end(r);
    return Arrays.equals(da, sa, ea, db, sb, eb);
  }

  private Node in(Expr.In in, Map<Integer, Integer> positions) {
    Node input = compile(in.input(), positions);
    byte nullAs = in.nullAs() == null ? UNKNOWN : in.nullAs() ? TRUE : FALSE;
    if (input instanceof StringNode s) {
      // by length first, then bytes: a set of the few values, no String made per row
      Set<Bytes> set = new HashSet<>();
      for (Object o : in.values()) {
        set.add(new Bytes(((String) o).getBytes(StandardCharsets.UTF_8)));
      }
      Bytes probe = new Bytes(null);
      return new BoolNode() {
        @Override
        void eval(Batch b, int n) {
          s.eval(b, n);
          size(n);
          for (int r = 0; r < n; r++) {
            if (s.nul[r]) {
              v[r] = nullAs;
            } else {
              probe.set(s.vector == null ? s.constant : s.vector.data(), s.vector == null ? 0 : s.vector.start(r),
                  s.vector == null ? s.constant.length : s.vector.end(r));
              v[r] = set.contains(probe) ? TRUE : FALSE;
            }
          }
        }
      };
    }
    LongNode l = (LongNode) input;
    long[] values = in.values().stream().mapToLong(o -> (Long) o).sorted().toArray();
    return new BoolNode() {
      @Override
      void eval(Batch b, int n) {
        l.eval(b, n);
        size(n);
        for (int r = 0; r < n; r++) {
          v[r] = l.nul[r] ? nullAs : Arrays.binarySearch(values, l.v[r]) >= 0 ? TRUE : FALSE;
        }
      }
    };
  }

  private Node is(Expr.Is is, Map<Integer, Integer> positions) {
    Node in = compile(is.input(), positions);
    Expr.Test test = is.test();
    return new BoolNode() {
      @Override
      void eval(Batch b, int n) {
        in.eval(b, n);
        size(n);
        for (int r = 0; r < n; r++) {
          boolean t;
          if (in instanceof BoolNode bn) {
            byte x = bn.v[r];
            t = switch (test) {
              case IS_NULL -> x == UNKNOWN;
              case IS_NOT_NULL -> x != UNKNOWN;
              case IS_TRUE -> x == TRUE;
              case IS_NOT_TRUE -> x != TRUE;
              case IS_FALSE -> x == FALSE;
              case IS_NOT_FALSE -> x != FALSE;
            };
          } else {
            t = in.nul[r] == (test == Expr.Test.IS_NULL);
          }
          v[r] = t ? TRUE : FALSE;
        }
      }
    };
  }

  /** A byte range as a hash key. */
  private static final class Bytes {
    private byte[] data;
    private int start;
    private int end;

    Bytes(byte[] data) {
      this.data = data;
      this.end = data == null ? 0 : data.length;
    }

    void set(byte[] d, int s, int e) {
      data = d;
      start = s;
      end = e;
    }

    @Override
    public int hashCode() {
      int h = 1;
      for (int i = start; i < end; i++) {
        h = 31 * h + data[i];
      }
      return h;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bytes b && Arrays.equals(data, start, end, b.data, b.start, b.end);
    }
  }
}

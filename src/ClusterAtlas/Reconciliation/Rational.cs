using System.Numerics;

namespace ClusterAtlas.Reconciliation;

/// <summary>
/// An exact fraction. Elimination and the simplex divide, and decimal division would round (1/3), which turns a
/// consistent system into an "inconsistent" one by a rounding error; fractions never do.
/// </summary>
internal readonly record struct Rational : IComparable<Rational>
{
    private readonly BigInteger denominator;

    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException();
        }
        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }
        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        Numerator = gcd.IsOne || gcd.IsZero ? numerator : numerator / gcd;
        this.denominator = gcd.IsOne || gcd.IsZero ? denominator : denominator / gcd;
    }

    public static Rational Zero => default;

    public static Rational One => new(1, 1);

    public BigInteger Numerator { get; }

    // default(Rational) has no denominator set; it means 0/1.
    public BigInteger Denominator => denominator.IsZero ? BigInteger.One : denominator;

    public bool IsZero => Numerator.IsZero;

    public int Sign => Numerator.Sign;

    public static Rational FromDecimal(decimal value)
    {
        // decimal = ±(96-bit integer) / 10^scale, read exactly from its bits.
        var bits = decimal.GetBits(value);
        var mantissa = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        var scale = (bits[3] >> 16) & 0xFF;
        return new Rational(bits[3] < 0 ? -mantissa : mantissa, BigInteger.Pow(10, scale));
    }

    public decimal ToDecimal() => Denominator.IsOne ? (decimal)Numerator : (decimal)Numerator / (decimal)Denominator;

    public static Rational operator +(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Rational operator -(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Rational operator -(Rational a) => new(-a.Numerator, a.Denominator);

    public static Rational operator *(Rational a, Rational b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Rational operator /(Rational a, Rational b) => new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;

    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;

    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    public int CompareTo(Rational other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public bool Equals(Rational other) => Numerator == other.Numerator && Denominator == other.Denominator;

    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);
}

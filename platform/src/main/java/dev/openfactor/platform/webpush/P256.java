package dev.openfactor.platform.webpush;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;

/**
 * P-256 keys in the raw forms Web Push uses: a public key as the 65-byte uncompressed point
 * ({@code 0x04 ‖ x ‖ y}), a private key as the 32-byte scalar. A point is accepted only if it lies
 * on the curve: an off-curve point in ECDH is the invalid-curve attack on the sender's key.
 */
public final class P256 {

    public static final int POINT_BYTES = 65;
    public static final int SCALAR_BYTES = 32;

    public static final ECParameterSpec SPEC = spec();
    private static final BigInteger P = ((ECFieldFp) SPEC.getCurve().getField()).getP();
    private static final BigInteger A = SPEC.getCurve().getA();
    private static final BigInteger B = SPEC.getCurve().getB();

    private P256() {
    }

    /** @throws IllegalArgumentException unless {@code point} is an uncompressed point on P-256 */
    public static ECPublicKey publicKey(byte[] point) {
        if (point == null || point.length != POINT_BYTES || point[0] != 0x04) {
            throw new IllegalArgumentException("not a 65-byte uncompressed point");
        }
        BigInteger x = new BigInteger(1, java.util.Arrays.copyOfRange(point, 1, 33));
        BigInteger y = new BigInteger(1, java.util.Arrays.copyOfRange(point, 33, 65));
        if (!onCurve(x, y)) {
            throw new IllegalArgumentException("not a point on P-256");
        }
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), SPEC));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a P-256 public key", e);
        }
    }

    /** @throws IllegalArgumentException unless {@code scalar} is 32 bytes in [1, n) */
    public static ECPrivateKey privateKey(byte[] scalar) {
        if (scalar == null || scalar.length != SCALAR_BYTES) {
            throw new IllegalArgumentException("not a 32-byte scalar");
        }
        BigInteger s = new BigInteger(1, scalar);
        if (s.signum() == 0 || s.compareTo(SPEC.getOrder()) >= 0) {
            throw new IllegalArgumentException("scalar out of range");
        }
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(s, SPEC));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a P-256 private key", e);
        }
    }

    public static byte[] uncompressed(ECPublicKey key) {
        byte[] out = new byte[POINT_BYTES];
        out[0] = 0x04;
        fixed(key.getW().getAffineX(), out, 1);
        fixed(key.getW().getAffineY(), out, 33);
        return out;
    }

    /** y² = x³ + ax + b (mod p), both coordinates in [0, p). */
    static boolean onCurve(BigInteger x, BigInteger y) {
        if (x.compareTo(P) >= 0 || y.compareTo(P) >= 0) {
            return false;
        }
        BigInteger left = y.multiply(y).mod(P);
        BigInteger right = x.pow(3).add(A.multiply(x)).add(B).mod(P);
        return left.equals(right);
    }

    private static void fixed(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > 32 ? bytes.length - 32 : 0; // a leading sign byte
        int length = bytes.length - skip;
        System.arraycopy(bytes, skip, out, offset + 32 - length, length);
    }

    private static ECParameterSpec spec() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no P-256", e);
        }
    }
}

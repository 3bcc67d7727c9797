package io.releasepilot.pgp;

import org.bouncycastle.crypto.Digest;

/**
 * A Bouncy Castle {@link Digest} that hands out a hash computed elsewhere. It lets BC's signers check a
 * signature over the hash of an artifact that was read once and hashed once for all its checks.
 */
final class PrehashedDigest implements Digest {
    private final String name;
    private final byte[] hash;

    PrehashedDigest(String name, byte[] hash) {
        this.name = name;
        this.hash = hash.clone();
    }

    @Override
    public String getAlgorithmName() {
        return name;
    }

    @Override
    public int getDigestSize() {
        return hash.length;
    }

    @Override
    public void update(byte in) {
        // the hash is already complete
    }

    @Override
    public void update(byte[] in, int inOff, int len) {
        // the hash is already complete
    }

    @Override
    public int doFinal(byte[] out, int outOff) {
        System.arraycopy(hash, 0, out, outOff, hash.length);
        return hash.length;
    }

    @Override
    public void reset() {
        // nothing to reset: the hash is fixed
    }
}

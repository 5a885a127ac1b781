import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The bare cost of one Argon2id hash at the service's parameters, with the Bouncy Castle generator the service
 * uses: the floor under a login's latency. Run as a single-file source program:
 *
 * <pre>java -cp bcprov-jdk18on-1.83.jar bench/Argon2Time.java [memoryKib iterations parallelism warmupSeconds runs]</pre>
 *
 * Prints the median, minimum and maximum of {@code runs} timed hashes (milliseconds), after untimed ones for
 * {@code warmupSeconds} (at least 5 and at most 1,000 hashes) so that C2 has compiled the compression function.
 *
 * <p>With a sixth argument {@code serve} it then prints {@code ready} and answers each line of standard input
 * holding a count k (1..100) with one line of k hash times in milliseconds, until end of input (at most 1,000
 * lines): bench/bench.py interleaves such batches with batches of logins, so that both meet the same load.
 */
public class Argon2Time {
    public static void main(String[] args) {
        int memoryKib = args.length > 0 ? Integer.parseInt(args[0]) : 19456;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        double warmupSeconds = args.length > 3 ? Double.parseDouble(args[3]) : 5;
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 31;
        if (warmupSeconds < 0 || warmupSeconds > 600 || runs < 1 || runs > 1000) {
            throw new IllegalArgumentException("warmupSeconds 0..600, runs 1..1000");
        }
        byte[] password = "correct horse battery staple".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] salt = new byte[16];
        new java.security.SecureRandom().nextBytes(salt);
        long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        int warmups = 0;
        while (warmups < 1000 && (warmups < 5 || System.nanoTime() < warmEnd)) {
            hash(password, salt, memoryKib, iterations, parallelism);
            warmups++;
        }
        if (args.length > 5 && args[5].equals("serve")) {
            serve(password, salt, memoryKib, iterations, parallelism);
            return;
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            hash(password, salt, memoryKib, iterations, parallelism);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(
                java.util.Locale.ROOT,
                "median_ms=%.3f min_ms=%.3f max_ms=%.3f runs=%d warmups=%d m=%d t=%d p=%d%n",
                ms[runs / 2],
                ms[0],
                ms[runs - 1],
                runs,
                warmups,
                memoryKib,
                iterations,
                parallelism);
    }

    private static void serve(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism) {
        System.out.println("ready");
        System.out.flush();
        java.util.Scanner in = new java.util.Scanner(System.in, java.nio.charset.StandardCharsets.US_ASCII);
        for (int line = 0; line < 1000 && in.hasNextInt(); line++) {
            int count = Math.max(1, Math.min(100, in.nextInt()));
            StringBuilder times = new StringBuilder();
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                hash(password, salt, memoryKib, iterations, parallelism);
                times.append(i == 0 ? "" : " ")
                        .append(String.format(java.util.Locale.ROOT, "%.3f", (System.nanoTime() - start) / 1e6));
            }
            System.out.println(times);
            System.out.flush();
        }
    }

    private static byte[] hash(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[32];
        generator.generateBytes(password, out);
        return out;
    }
}

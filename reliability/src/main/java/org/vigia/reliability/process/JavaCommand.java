package org.vigia.reliability.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for the JVM this suite runs on: {@code java [opts] -jar JAR args} or {@code java -cp CP MAIN args}. */
public final class JavaCommand {
    private JavaCommand() {
    }

    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static List<String> jar(Path jar, List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(args);
        return cmd;
    }

    /** This JVM's class path with every entry absolute, so a child started in another folder finds it. */
    static String absoluteClassPath() {
        StringBuilder cp = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                cp.append(cp.length() == 0 ? "" : java.io.File.pathSeparator).append(Path.of(entry).toAbsolutePath());
            }
        }
        return cp.toString();
    }

    /** A main class of this suite's own class path (the broker), as a separate JVM. */
    public static List<String> main(Class<?> mainClass, List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(absoluteClassPath());
        cmd.add(mainClass.getName());
        cmd.addAll(args);
        return cmd;
    }
}

package dev.fileshare.infra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A Dockerfile read as its instructions: comments dropped, continuation lines joined. */
record DockerfileInstructions(List<Instruction> all) {

    /** The build stages, each from its FROM to the next. */
    List<DockerfileInstructions> stages() {
        List<DockerfileInstructions> stages = new ArrayList<>();
        List<Instruction> current = null;
        for (Instruction instruction : all) {
            if (instruction.keyword().equals("FROM")) {
                current = new ArrayList<>();
                stages.add(new DockerfileInstructions(current));
            }
            if (current != null) {
                current.add(instruction);
            }
        }
        return stages.stream()
                .map(s -> new DockerfileInstructions(List.copyOf(s.all())))
                .toList();
    }

    /** The last stage: what the image is. */
    DockerfileInstructions finalStage() {
        List<DockerfileInstructions> stages = stages();
        return stages.get(stages.size() - 1);
    }

    record Instruction(String keyword, String arguments) {

        /** Whitespace-separated arguments without the leading --flags. */
        List<String> operands() {
            return Arrays.stream(arguments.trim().split("\\s+"))
                    .filter(a -> !a.startsWith("--"))
                    .toList();
        }

        List<String> flags() {
            return Arrays.stream(arguments.trim().split("\\s+"))
                    .filter(a -> a.startsWith("--"))
                    .toList();
        }
    }

    static DockerfileInstructions parse(final String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : text.split("\\R")) {
            String trimmed = line.trim();
            if (pending.length() == 0 && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            String full = pending.toString().trim();
            pending.setLength(0);
            String[] parts = full.split("\\s+", 2);
            instructions.add(new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : ""));
        }
        return new DockerfileInstructions(List.copyOf(instructions));
    }

    List<Instruction> named(final String keyword) {
        return all.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    int indexOf(final String keyword, final String argumentsContaining) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).keyword().equals(keyword) && all.get(i).arguments().contains(argumentsContaining)) {
                return i;
            }
        }
        return -1;
    }

    /** Sources of every COPY and ADD from the build context (not --from another stage), as written. */
    List<String> copySources() {
        List<String> sources = new ArrayList<>();
        for (Instruction copy : all) {
            boolean fromContext = copy.flags().stream().noneMatch(f -> f.startsWith("--from="));
            if (fromContext && (copy.keyword().equals("COPY") || copy.keyword().equals("ADD"))) {
                List<String> operands = copy.operands();
                sources.addAll(operands.subList(0, operands.size() - 1));
            }
        }
        return sources;
    }

    /** Names set by ENV, in both the "KEY=value" and the legacy "KEY value" forms. */
    List<String> environmentNames() {
        List<String> names = new ArrayList<>();
        for (Instruction env : named("ENV")) {
            String args = env.arguments().trim();
            if (!args.contains("=") || args.indexOf(' ') >= 0 && args.indexOf(' ') < args.indexOf('=')) {
                names.add(args.split("\\s+", 2)[0]);
            } else {
                for (String pair : args.split("\\s+")) {
                    if (pair.contains("=")) {
                        names.add(pair.substring(0, pair.indexOf('=')));
                    }
                }
            }
        }
        return names;
    }
}

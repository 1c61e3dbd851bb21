package dev.parley.offers;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.catalog.ProductCatalog;
import dev.parley.cli.Arguments;
import dev.parley.cli.CliCommand;
import dev.parley.cli.UsageException;
import dev.parley.offers.bandit.BanditSettings;
import dev.parley.offers.evaluation.DecisionLogExport;
import dev.parley.offers.evaluation.OffPolicyEvaluation;
import dev.parley.offers.evaluation.PolicyValueEstimates;
import dev.parley.offers.evaluation.ShopperSimulator;
import dev.parley.offers.evaluation.SimulationReport;
import dev.parley.offers.offer.OfferBook;
import dev.parley.offers.offer.OfferDefinitionException;
import dev.parley.offers.offer.OfferDefinitions;
import jakarta.inject.Singleton;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code parley offers ...}:
 * <pre>
 *   offers evaluate --log FILE [--actions FILE] [--truth FILE] [--epsilon 0.05] [--alpha 0.3] [--bootstrap 1000] [--seed 1]
 *   offers simulate [--impressions 20000] [--shoppers 3000] [--window 1000] [--seed 7] [--exploration 0.05]
 *                   [--alpha 0.3] --out curve.png [--log-out log.csv --truth-out truth.csv --actions-out actions.csv
 *                   [--log-rows N]]
 *   offers import FILE.yml
 *   offers export-log --out FILE.csv      (the decision log, with outcomes, in the evaluate format)
 * </pre>
 * The last line printed is one JSON object.
 */
@Singleton
class OffersCommand implements CliCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OfferBook offers;
    private final ProductCatalog catalog;
    private final BanditSettings bandit;
    private final DecisionLogExport export;

    OffersCommand(OfferBook offers, ProductCatalog catalog, BanditSettings bandit, DecisionLogExport export) {
        this.offers = offers;
        this.catalog = catalog;
        this.bandit = bandit;
        this.export = export;
    }

    @Override
    public String name() {
        return "offers";
    }

    @Override
    public String summary() {
        return "evaluate --log FILE | simulate --out curve.png | import FILE.yml | export-log --out FILE";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Arguments arguments = Arguments.parse(args);
        String sub = arguments.positional().isEmpty() ? "" : arguments.positional().get(0);
        try {
            return switch (sub) {
                case "evaluate" -> evaluate(arguments, out);
                case "simulate" -> simulate(arguments, out);
                case "import" -> importOffers(arguments, out, err);
                case "export-log" -> exportLog(arguments, out);
                default -> throw new UsageException("usage: parley offers evaluate|simulate|import|export-log ...");
            };
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private int evaluate(Arguments arguments, PrintStream out) throws Exception {
        Path log = Path.of(arguments.required("log"));
        double epsilon = doubleOption(arguments, "epsilon", bandit.explorationRate());
        double alpha = doubleOption(arguments, "alpha", bandit.ucbAlpha());
        int bootstrap = arguments.intOption("bootstrap", 1000);
        long seed = arguments.intOption("seed", 1);
        OffPolicyEvaluation.Report report;
        try (Reader logReader = reader(log);
             Reader actions = arguments.option("actions").map(f -> reader(Path.of(f))).orElse(null);
             Reader truth = arguments.option("truth").map(f -> reader(Path.of(f))).orElse(null)) {
            report = OffPolicyEvaluation.run(logReader, actions, truth, epsilon, alpha, bootstrap, seed);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rows", report.rows());
        json.put("actions", report.actions());
        json.put("logging_policy_value", round(report.loggingPolicyValue()));
        json.put("ipw", estimate(report.estimates().ipw()));
        json.put("snipw", estimate(report.estimates().snipw()));
        json.put("dr", estimate(report.estimates().dr()));
        json.put("bootstrap", bootstrap);
        json.put("epsilon", epsilon);
        if (report.trueValue() != null) {
            json.put("true_value", round(report.trueValue()));
            json.put("within_ci", Map.of("ipw", report.estimates().ipw().covers(report.trueValue()),
                    "snipw", report.estimates().snipw().covers(report.trueValue()),
                    "dr", report.estimates().dr().covers(report.trueValue())));
        }
        out.println(JSON.writeValueAsString(json));
        return 0;
    }

    private int simulate(Arguments arguments, PrintStream out) throws Exception {
        Path png = Path.of(arguments.required("out"));
        int impressions = arguments.intOption("impressions", 20_000);
        int shoppers = arguments.intOption("shoppers", 3_000);
        int window = arguments.intOption("window", 1_000);
        long seed = arguments.intOption("seed", 7);
        if (impressions < window || window < 1 || shoppers < 1) {
            throw new UsageException("need --impressions >= --window >= 1 and --shoppers >= 1");
        }
        BanditSettings settings = new BanditSettings(doubleOption(arguments, "exploration", bandit.explorationRate()),
                doubleOption(arguments, "alpha", bandit.ucbAlpha()), bandit.ridgeLambda(), bandit.snapshotEvery(),
                bandit.rewardTimeoutMinutes());
        ShopperSimulator simulator = new ShopperSimulator(new ArrayList<>(catalog.all()),
                offers.all().stream().toList());
        long started = System.nanoTime();
        ShopperSimulator.Result result = simulator.run(impressions, shoppers, window, settings, seed);
        SimulationReport.plot(result, png);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("impressions", impressions);
        json.put("shoppers", shoppers);
        json.put("seed", seed);
        json.put("ctr", rounded(result.ctr()));
        json.put("final_window_ctr", rounded(result.finalWindowCtr()));
        json.put("engine_vs_random", round(result.ratio("engine", "random", false)));
        json.put("engine_vs_oracle", round(result.ratio("engine", "oracle", false)));
        json.put("final_engine_vs_random", round(result.ratio("engine", "random", true)));
        json.put("final_engine_vs_oracle", round(result.ratio("engine", "oracle", true)));
        json.put("seconds", round((System.nanoTime() - started) / 1e9));
        json.put("out", png.toString());
        if (arguments.option("log-out").isPresent()) {
            Path logOut = Path.of(arguments.required("log-out"));
            int rows = arguments.intOption("log-rows", impressions);
            try (BufferedWriter log = Files.newBufferedWriter(logOut, StandardCharsets.UTF_8);
                 BufferedWriter truth = Files.newBufferedWriter(Path.of(arguments.required("truth-out")), StandardCharsets.UTF_8);
                 BufferedWriter actions = Files.newBufferedWriter(Path.of(arguments.required("actions-out")), StandardCharsets.UTF_8)) {
                simulator.writeUniformLog(rows, shoppers, seed + 1000, log, truth, actions);
            }
            json.put("log", logOut.toString());
            json.put("log_rows", rows);
        }
        out.println(JSON.writeValueAsString(json));
        return 0;
    }

    private int importOffers(Arguments arguments, PrintStream out, PrintStream err) throws Exception {
        if (arguments.positional().size() != 2) {
            throw new UsageException("usage: parley offers import FILE.yml");
        }
        try {
            var imported = OfferDefinitions.fromYaml(Files.readString(Path.of(arguments.positional().get(1))));
            offers.saveAll(imported);
            out.println(JSON.writeValueAsString(Map.of("imported", imported.size(), "offers", offers.size())));
            return 0;
        } catch (OfferDefinitionException e) {
            e.problems().forEach(err::println);
            return 1;
        }
    }

    private int exportLog(Arguments arguments, PrintStream out) throws Exception {
        Path file = Path.of(arguments.required("out"));
        int rows;
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            rows = export.write(writer);
        }
        out.println(JSON.writeValueAsString(Map.of("rows", rows, "out", file.toString())));
        return 0;
    }

    private static Reader reader(Path file) {
        try {
            return new BufferedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static double doubleOption(Arguments arguments, String name, double defaultValue) {
        String value = arguments.option(name).orElse(null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a number, got " + value);
        }
    }

    private static Map<String, Object> estimate(PolicyValueEstimates.Estimate estimate) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("value", round(estimate.value()));
        json.put("ci_low", round(estimate.ciLow()));
        json.put("ci_high", round(estimate.ciHigh()));
        return json;
    }

    private static Map<String, Double> rounded(Map<String, Double> values) {
        Map<String, Double> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, round(v)));
        return out;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}

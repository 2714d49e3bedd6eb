package io.polymart.main;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.swagger.v3.oas.models.OpenAPI;
import org.cornutum.tcases.SystemInputDef;
import org.cornutum.tcases.SystemTestDef;
import org.cornutum.tcases.Tcases;
import org.cornutum.tcases.generator.GeneratorSet;
import org.cornutum.tcases.generator.TupleGenerator;
import org.cornutum.tcases.openapi.ModelOptions;
import org.cornutum.tcases.openapi.TcasesOpenApi;
import org.cornutum.tcases.openapi.reader.OpenApiReader;
import org.cornutum.tcases.openapi.resolver.RequestCase;
import org.cornutum.tcases.openapi.resolver.RequestCases;
import org.cornutum.tcases.resolve.ResolverContext;
import org.cornutum.tcases.util.Notifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract fuzzing: request cases that Tcases generates from {@code schemas/openapi.yaml} (valid ones, and failure
 * cases that break one input each, authentication included), sent to the platform as a customer, a seller or an
 * admin as each operation requires. No answer is a 5xx, no invalid request is answered 2xx, and every answer is
 * documented: its status, media type, body and headers match the contract, and errors have the error shape.
 */
class ContractFuzzTest {
  /** Seeded, so a failure is the same on every run. */
  private static final long SEED = 20261203L;
  /** Operations left out, each with why; the lead reviews this list. */
  private static final Map<String, String> EXCLUDED = Map.of(
      "GET /ws", "a WebSocket upgrade, not a request and answer (LiveUpdatesTest covers it)");
  private static final Set<String> PROTECTED = Set.of("USER", "SELLER", "ADMIN");
  /** Operations that end every session of the caller: each case gets a session of an account of its own. */
  private static final Set<String> ENDS_SESSIONS = Set.of("logoutAll");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  @Timeout(value = 110, unit = TimeUnit.SECONDS)
  void everyAnswerToGeneratedRequestsIsDocumentedAndNoneIs5xxOr2xxToInvalidInput() throws Exception {
    long start = System.nanoTime();
    FuzzSeeds seeds = FuzzSeeds.create();
    ContractAnswers contract = new ContractAnswers(TestPlatform.vertx());
    long seeded = System.nanoTime();
    List<RequestCase> cases = requestCases();
    long generated = System.nanoTime();

    FuzzTally tally = new FuzzTally();
    for (RequestCase requestCase : cases) {
      String operationKey = requestCase.getOperation().toUpperCase() + " " + requestCase.getPath();
      if (EXCLUDED.containsKey(operationKey)) {
        tally.excluded++;
        continue;
      }
      ContractAnswers.Operation operation = contract.operation(requestCase.getOperation(), requestCase.getPath());
      FuzzRequest request = new FuzzRequest(requestCase, seeds, bearer(operation, requestCase, seeds));
      HttpRequest httpRequest;
      try {
        httpRequest = request.toHttp(TestPlatform.baseUrl());
      } catch (IllegalArgumentException e) {
        tally.problems.add(describe(requestCase, request) + ": cannot be sent: " + e.getMessage());
        continue;
      }
      HttpResponse<byte[]> answer = http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
      boolean invalid = invalidOnTheWire(requestCase, operation);
      tally.answered(operationKey, answer.statusCode(), invalid);
      List<String> found = new ArrayList<>(request.hasEmptySegment() ? contract.unknownPathProblems(answer)
          : contract.problems(operation, invalid, answer));
      if (requestCase.isAuthFailure() && PROTECTED.contains(operation.access()) && answer.statusCode() != 401) {
        found.add("answered " + answer.statusCode() + " without a token");
      }
      for (String problem : found) {
        tally.problems.add(describe(requestCase, request) + " -> " + answer.statusCode() + ": " + problem);
      }
    }
    long done = System.nanoTime();

    tally.print(String.format("platform and seeds ready in %d ms; %d request cases generated in %d ms (seed %d), "
        + "sent in %d ms", millis(seeded - start), cases.size(), millis(generated - seeded), SEED,
        millis(done - generated)));
    assertThat(tally.problems).as("answers that break the contract").isEmpty();
    assertThat(tally.sent).as("request cases sent").isGreaterThan(1000);
    // the seeded callers and resources serve the valid cases: a lost token or a missing seed would show here
    assertThat(tally.validAnswered2xx).as("valid request cases answered 2xx").isGreaterThan(100);
  }

  /**
   * Whether a failure case is invalid as sent. Some kinds of Tcases failure are not: no token for an operation whose
   * token is optional (Tcases reads {@code security: [{}, bearerAuth]} as a required token); a value of another JSON
   * type for a string parameter (on the wire a query, path or header value is text: {@code q=true} and
   * {@code q=null} are strings); and an empty parameter value where the contract allows one (Tcases assumes a
   * parameter value is never empty).
   */
  private static boolean invalidOnTheWire(RequestCase requestCase, ContractAnswers.Operation operation) {
    if (!requestCase.isFailure()) {
      return false;
    }
    if (requestCase.isAuthFailure()) {
      return PROTECTED.contains(operation.access());
    }
    String input = requestCase.getInvalidInput();
    if (input.startsWith("Body.")) {
      return true;
    }
    String parameter = input.substring(0, input.indexOf('.'));
    if (input.startsWith(parameter + ".Type=")) {
      return !operation.isString(parameter);
    }
    if (input.equals(parameter + ".Value.Length=0")) {
      return !operation.allowsEmpty(parameter);
    }
    return true;
  }

  /** The token for an operation: none when public or when the case is an authentication failure. */
  private static String bearer(ContractAnswers.Operation operation, RequestCase requestCase, FuzzSeeds seeds) {
    if (requestCase.isAuthFailure() || operation.access().equals("PUBLIC")) {
      return null;
    }
    if (ENDS_SESSIONS.contains(operation.id())) {
      return seeds.leaverSession().accessToken();
    }
    return switch (operation.access()) {
      case "SELLER" -> seeds.seller.accessToken();
      case "ADMIN" -> seeds.admin.accessToken();
      default -> seeds.customer.accessToken();
    };
  }

  /** Tcases' request cases for the contract, deletions last so the seeded resources serve the other cases first. */
  private static List<RequestCase> requestCases() {
    // Tcases reports each step of its generation at INFO: some 500 lines
    ((Logger) LoggerFactory.getLogger("org.cornutum")).setLevel(Level.WARN);
    OpenAPI api;
    try (OpenApiReader reader = new OpenApiReader(new StringReader(OpenApi30Copy.document()), (URL) null, "json")) {
      api = reader.read();
    }
    SystemInputDef model = TcasesOpenApi.getRequestInputModel(api,
        ModelOptions.builder().notifier(Notifier.ignore()).build());
    TupleGenerator generator = new TupleGenerator();
    generator.setRandomSeed(SEED);
    GeneratorSet generators = new GeneratorSet();
    generators.addGenerator(GeneratorSet.ALL, generator);
    SystemTestDef tests = Tcases.getTests(model, generators, null);
    List<RequestCase> cases = new ArrayList<>(RequestCases.getRequestCases(tests,
        ResolverContext.builder().random(new Random(SEED)).build()).getRequestCases());
    cases.sort(Comparator.comparing(requestCase -> requestCase.getOperation().equalsIgnoreCase("delete")));
    return cases;
  }

  private static String describe(RequestCase requestCase, FuzzRequest request) {
    return "[" + (requestCase.isFailure() ? "invalid: " + requestCase.getInvalidInput() : "valid") + "] " + request;
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }
}

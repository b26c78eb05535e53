// The W3C SPARQL 1.1 Protocol and Service Description tests, run over HTTP against a real
// `silk serve`. Their manifests describe each exchange in RDF (ht:Request with method, path,
// headers and body; the expected status class, result format and boolean), so this runner
// reads the manifests themselves: no test is restated by hand.
//
// Usage: silk_protocol_conformance SILK_BINARY KNOWN_FAILURES
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/conformance/known_failures.h"
#include "tests/conformance/manifest.h"
#include "tests/conformance/test_files.h"

namespace silk::conformance {
namespace {

constexpr std::string_view kHt = "http://www.w3.org/2011/http#";
constexpr std::string_view kCnt = "http://www.w3.org/2011/content#";
constexpr std::string_view kUt = "http://www.w3.org/2009/sparql/tests/test-update#";
constexpr std::string_view kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
constexpr std::string_view kStatusCodes = "http://www.w3.org/2011/http-statusCodes#StatusCode";

std::string P(std::string_view ns, std::string_view local) { return fmt::format("{}{}", ns, local); }

// The items of an RDF list, in order.
std::vector<const rdf::Term*> ListItems(const Graph& graph, const rdf::Term* head) {
  std::vector<const rdf::Term*> items;
  while (head != nullptr && head->value != P(kRdfNs, "nil")) {
    if (const rdf::Term* first = graph.Object(*head, P(kRdfNs, "first"))) items.push_back(first);
    head = graph.Object(*head, P(kRdfNs, "rest"));
  }
  return items;
}

std::string ValueOf(const Graph& graph, const rdf::Term& node, std::string_view predicate) {
  const rdf::Term* object = graph.Object(node, predicate);
  return object == nullptr ? std::string() : object->value;
}

// A port no one listens on now.
int FreePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

// `silk serve --updates` on a fresh store, stopped with SIGTERM on destruction.
class Server {
 public:
  Server(const std::string& silk, const std::filesystem::path& dir) : port_(FreePort()) {
    const std::string db = (dir / "store").string();
    const std::string bind = fmt::format("127.0.0.1:{}", port_);
    pid_ = ::fork();
    if (pid_ == 0) {
      const std::string log = (dir / "serve.log").string();
      std::freopen(log.c_str(), "w", stdout);
      std::freopen(log.c_str(), "a", stderr);
      ::execl(silk.c_str(), silk.c_str(), "--db", db.c_str(), "serve", "--bind", bind.c_str(),
              "--updates", "--timeout", "10", static_cast<char*>(nullptr));
      std::_Exit(127);
    }
    httplib::Client client("127.0.0.1", port_);
    for (int i = 0; i < 200; ++i) {
      if (client.Get("/")) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  ~Server() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
  int port() const { return port_; }

 private:
  int port_;
  pid_t pid_ = -1;
};

std::string ToUtf16(const std::string& ascii) {
  std::string out = "\xFF\xFE";  // little-endian, with its byte-order mark
  for (char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Why `res` does not meet `expected` (an ht:Response node); empty when it does.
std::string CheckResponse(const Graph& graph, const rdf::Term& expected, const httplib::Response& res) {
  const std::vector<const rdf::Term*> classes = graph.Objects(expected, P(kMfNs, "expectedStatus"));
  bool status_ok = classes.empty();
  std::vector<std::string> wanted;
  for (const rdf::Term* cls : classes) {
    // hts:StatusCode2xx → 2
    const std::string_view name = std::string_view(cls->value).substr(kStatusCodes.size());
    wanted.emplace_back(name);
    if (!name.empty() && name[0] - '0' == res.status / 100) status_ok = true;
  }
  if (!status_ok) {
    return fmt::format("status {} where {} was expected: {}", res.status,
                       fmt::format("{}", fmt::join(wanted, " or ")), res.body.substr(0, 300));
  }
  const std::string type = Lower(res.get_header_value("Content-Type"));
  const std::string format = ValueOf(graph, expected, P(kMfNs, "expectedFormat"));
  const bool results = type.starts_with("application/sparql-results+json") ||
                       type.starts_with("application/sparql-results+xml") ||
                       type.starts_with("text/csv") || type.starts_with("text/tab-separated-values");
  const bool rdf = type.starts_with("text/turtle") || type.starts_with("application/n-triples") ||
                   type.starts_with("application/rdf+xml");
  if ((format == "boolean" || format == "tabular") && !results) {
    return fmt::format("Content-Type {} is not a SPARQL results format", type);
  }
  if (format == "RDF" && !rdf) return fmt::format("Content-Type {} is not an RDF format", type);
  const rdf::Term* boolean = graph.Object(expected, P(kMfNs, "expectedBoolean"));
  if (boolean != nullptr) {
    const bool want = boolean->value == "true";
    const bool got_true = res.body.find("true") != std::string::npos;
    const bool got_false = res.body.find("false") != std::string::npos;
    if (got_true == got_false || got_true != want) {
      return fmt::format("expected the answer {}, got: {}", boolean->value, res.body.substr(0, 300));
    }
  }
  return {};
}

// Puts the test's ut:graphData into the store, each file as the graph its label names.
std::string LoadData(const Graph& graph, const TestEntry& entry, const TestFiles& files,
                     httplib::Client& client) {
  auto cleared = client.Post("/sparql", "CLEAR ALL", "application/sparql-update");
  if (!cleared || cleared->status != 204) return "could not clear the store";
  for (const rdf::Term* data : graph.Objects(entry.node, P(kUt, "graphData"))) {
    const rdf::Term* file = graph.Object(*data, P(kUt, "graph"));
    const std::string name = ValueOf(graph, *data, P(kRdfs, "label"));
    std::optional<std::filesystem::path> path = file ? files.PathOf(file->value) : std::nullopt;
    if (!path) return "a ut:graphData without a file";
    std::ifstream in(*path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    auto put = client.Put(("/store?graph=" + httplib::detail::encode_query_param(name)).c_str(),
                          text.str(), "application/n-triples");
    if (!put || put->status / 100 != 2) {
      return fmt::format("could not load {} into <{}>", path->string(), name);
    }
  }
  return {};
}

// Runs the test's requests in order; empty when every response was as expected.
std::string RunProtocolTest(const Graph& graph, const TestEntry& entry, const TestFiles& files,
                            int port) {
  httplib::Client client("127.0.0.1", port);
  client.set_url_encode(false);  // the manifest's paths are encoded already
  client.set_read_timeout(std::chrono::seconds(20));
  if (std::string error = LoadData(graph, entry, files, client); !error.empty()) return error;
  if (!entry.action) return "no mf:action";
  const rdf::Term* requests = graph.Object(*entry.action, P(kHt, "requests"));
  int number = 0;
  for (const rdf::Term* request : ListItems(graph, requests)) {
    ++number;
    httplib::Request req;
    req.method = ValueOf(graph, *request, P(kHt, "methodName"));
    req.path = ValueOf(graph, *request, P(kHt, "absolutePath"));
    for (const rdf::Term* header : ListItems(graph, graph.Object(*request, P(kHt, "headers")))) {
      req.headers.emplace(ValueOf(graph, *header, P(kHt, "fieldName")),
                          ValueOf(graph, *header, P(kHt, "fieldValue")));
    }
    if (const rdf::Term* body = graph.Object(*request, P(kHt, "body"))) {
      req.body = ValueOf(graph, *body, P(kCnt, "chars"));
      if (Lower(ValueOf(graph, *body, P(kCnt, "characterEncoding"))) == "utf-16") {
        req.body = ToUtf16(req.body);
      }
    }
    httplib::Result res = client.send(req);
    if (!res) return fmt::format("request {}: no response ({})", number, httplib::to_string(res.error()));
    const rdf::Term* expected = graph.Object(*request, P(kHt, "resp"));
    if (expected == nullptr) continue;
    if (std::string why = CheckResponse(graph, *expected, *res); !why.empty()) {
      return fmt::format("request {} ({} {}): {}", number, req.method, req.path.substr(0, 60), why);
    }
  }
  return {};
}

// The service description tests: GET on the endpoint returns RDF that names the endpoint as
// sd:endpoint of an sd:Service, with the properties the schema requires.
std::string RunServiceDescriptionTest(const TestEntry& entry, int port) {
  httplib::Client client("127.0.0.1", port);
  auto res = client.Get("/sparql", {{"Accept", "text/turtle"}});
  if (!res || res->status != 200) return "GET /sparql did not answer 200";
  const std::string endpoint = fmt::format("<http://127.0.0.1:{}/sparql>", port);
  const std::string& id = entry.id();
  if (id.ends_with("returns-rdf")) {
    return res->get_header_value("Content-Type").starts_with("text/turtle") ? "" : "not Turtle";
  }
  if (id.ends_with("has-endpoint-triple")) {
    return res->body.find("sd:endpoint " + endpoint) != std::string::npos ? "" : "no sd:endpoint";
  }
  for (const char* needed : {"a sd:Service", "sd:supportedLanguage", "sd:resultFormat"}) {
    if (res->body.find(needed) == std::string::npos) return fmt::format("no {}", needed);
  }
  return {};
}

int Main(int argc, char** argv) {
  if (argc != 3) {
    fmt::print(stderr, "usage: silk_protocol_conformance SILK_BINARY KNOWN_FAILURES\n");
    return 2;
  }
  std::string error;
  const std::optional<std::filesystem::path> root = FindConformanceDir(&error);
  if (!root) {
    fmt::print("cannot run: {}\n", error);
    return 1;
  }
  const std::optional<KnownFailures> known = KnownFailures::Read(argv[2], &error);
  if (!known) {
    fmt::print("cannot run: {}\n", error);
    return 1;
  }
  const TestFiles files(*root);
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / fmt::format("silk-protocol-{}", ::getpid());
  std::filesystem::create_directories(dir);
  int passed = 0;
  int failed = 0;
  int known_failed = 0;
  {
    Server server(argv[1], dir);
    for (const char* suite : {"sparql/sparql11/protocol", "sparql/sparql11/service-description"}) {
      const std::optional<Manifest> manifest = ReadManifest(
          *root / suite / "manifest.ttl", TestFiles::IriOf(fmt::format("{}/manifest.ttl", suite)), &error);
      if (!manifest) {
        fmt::print("{}: cannot run: {}\n", suite, error);
        return 1;
      }
      for (const TestEntry& entry : manifest->entries) {
        const std::string why = entry.type.ends_with("ServiceDescriptionTest")
                                    ? RunServiceDescriptionTest(entry, server.port())
                                    : RunProtocolTest(manifest->graph, entry, files, server.port());
        const std::string* reason = known->ReasonFor(entry.id());
        if (why.empty()) {
          ++passed;
          if (reason != nullptr) fmt::print("PASS (listed as a known failure) {}\n", entry.id());
        } else if (reason != nullptr) {
          ++known_failed;
          fmt::print("known failure {}: {}\n", entry.name, *reason);
        } else {
          ++failed;
          fmt::print("FAIL {} ({}): {}\n", entry.name, entry.id(), why);
        }
      }
    }
  }
  std::filesystem::remove_all(dir);
  fmt::print("protocol and service description: {} of {} passed ({} known failures, {} unexpected)\n",
             passed, passed + failed + known_failed, known_failed, failed);
  return failed == 0 ? 0 : 1;
}

}  // namespace
}  // namespace silk::conformance

int main(int argc, char** argv) { return silk::conformance::Main(argc, argv); }

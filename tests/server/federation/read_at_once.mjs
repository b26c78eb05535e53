// A fetch for Comunica that reads each response body whole as soon as its headers arrive.
//
// Comunica 4 on Node 20 may leave a SPARQL endpoint's response unread while it works on
// another part of a join, and Node's fetch (undici) then fails the whole query with
// "terminated: other side closed" once the server ends that kept-alive connection (silk serve,
// through cpp-httplib, closes a connection after 5 requests or 2 s idle). Reading every body
// at once costs memory only for one response at a time, which the endpoint's --memory caps.
export async function fetchReadAtOnce(input, init) {
  const response = await fetch(input, init);
  return new Response(await response.arrayBuffer(),
    { status: response.status, statusText: response.statusText, headers: response.headers });
}

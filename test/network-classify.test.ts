import { describe, expect, it } from "vitest";
import { classifyRequest, requestsCarrying } from "./e2e/support/network";

const request = (url: string, navigation = false, mainFrame = true, postData: string | null = null) => ({ url, navigation, mainFrame, postData });

describe("who caused a browser request", () => {
  it("keeps this machine's requests local", () => {
    expect(classifyRequest(request("http://127.0.0.1:4000/index.html", true))).toBe("local");
    expect(classifyRequest(request("data:image/png;base64,AAAA"))).toBe("local");
  });
  it("tells office.js's own telemetry frame from our requests", () => {
    const telemetry = "https://telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/telemetryproxy.html";
    expect(classifyRequest(request(telemetry, true, false))).toBe("officeHostFrame");
    // The same address fetched by our page, or loaded as our main document, is ours.
    expect(classifyRequest(request(telemetry, false, true))).toBe("ours");
    expect(classifyRequest(request(telemetry, true, true))).toBe("ours");
    expect(classifyRequest(request("https://example.com/x", true, false))).toBe("ours");
  });
  it("finds workbook content in addresses and bodies", () => {
    const seen = [request("https://x.invalid/?u=%E5%BF%BB%E5%B7%9E"), request("http://127.0.0.1/a", false, true, "v=164.06"), request("http://127.0.0.1/b")];
    expect(requestsCarrying(seen, ["忻州", "164.06"])).toEqual(["https://x.invalid/?u=%E5%BF%BB%E5%B7%9E", "http://127.0.0.1/a"]);
  });
});

import "server-only";
import { getEnv } from "@/lib/env";
import { isAllowedOutboundAddress, isAllowedOutboundUrl, type OutboundPolicy } from "@/lib/outbound/public-address";

/*
 * A push endpoint is a URL a member hands us and the server later POSTs to. Real push services
 * (FCM, Mozilla, Apple, Windows) are public HTTPS hosts on port 443, so that is all we accept
 * (see lib/outbound for the address rules).
 */

export type EndpointPolicy = OutboundPolicy;

/** The policy of this process, from the environment (PUSH_ALLOW_INSECURE_ENDPOINTS=1 in tests). */
export function endpointPolicy(): EndpointPolicy {
  return { allowLoopback: getEnv().PUSH_ALLOW_INSECURE_ENDPOINTS === "1", defaultPortOnly: true };
}

/** Whether the server may connect to this resolved address (a DNS answer is checked too, not only the URL). */
export function isAllowedPushAddress(address: string, policy: EndpointPolicy): boolean {
  return isAllowedOutboundAddress(address, policy);
}

/**
 * Whether `value` is an endpoint we agree to POST to: an `https:` URL on the default port, with
 * no credentials, whose host is a public name or a public IP address. With `allowLoopback`,
 * endpoints on this machine are accepted too, over http or https, on any port.
 */
export function isAllowedPushEndpoint(value: string, policy: EndpointPolicy): boolean {
  return isAllowedOutboundUrl(value, { ...policy, defaultPortOnly: true });
}

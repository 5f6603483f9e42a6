// The configured SMS gateway (PANTAU_SMS_GATEWAY), one module per gateway behind one interface.
import type { Env } from "~/utils/env.server";
import { genericGateway } from "./generic.server";
import { smssyncGateway } from "./smssync.server";
import { twilioGateway } from "./twilio.server";
import type { SmsGateway } from "./types.server";
import { vonageGateway } from "./vonage.server";

export type { GatewayAnswer, GatewayRequest, Outgoing, SmsGateway } from "./types.server";

const made = new WeakMap<Env, SmsGateway>();

export function gatewayOf(env: Env): SmsGateway {
  const known = made.get(env);
  if (known) return known;
  const make = { generic: genericGateway, twilio: twilioGateway, vonage: vonageGateway, smssync: smssyncGateway }[
    env.PANTAU_SMS_GATEWAY
  ];
  const gateway = make(env);
  made.set(env, gateway);
  return gateway;
}

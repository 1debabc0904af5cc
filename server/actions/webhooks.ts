"use server";
import { runAction } from "../http/run-action";
import { createChatChannel, deleteChatChannel, updateChatChannel } from "../webhooks/chat-channels";
import { retryDelivery, sendTestDelivery } from "../webhooks/deliveries";
import { createWebhook, deleteWebhook, rotateWebhookSecret, updateWebhook } from "../webhooks/manage-webhooks";

export async function createWebhookAction(input: unknown) {
  return runAction((actor) => createWebhook(actor, input));
}

export async function updateWebhookAction(id: string, input: unknown) {
  return runAction((actor) => updateWebhook(actor, String(id), input));
}

export async function deleteWebhookAction(id: string) {
  return runAction((actor) => deleteWebhook(actor, String(id)));
}

export async function rotateWebhookSecretAction(id: string) {
  return runAction((actor) => rotateWebhookSecret(actor, String(id)));
}

export async function sendTestWebhookAction(id: string) {
  return runAction((actor) => sendTestDelivery(actor, String(id)));
}

export async function retryDeliveryAction(id: string) {
  return runAction((actor) => retryDelivery(actor, String(id)));
}

export async function createChatChannelAction(input: unknown) {
  return runAction((actor) => createChatChannel(actor, input));
}

export async function updateChatChannelAction(id: string, input: unknown) {
  return runAction((actor) => updateChatChannel(actor, String(id), input));
}

export async function deleteChatChannelAction(id: string) {
  return runAction((actor) => deleteChatChannel(actor, String(id)));
}

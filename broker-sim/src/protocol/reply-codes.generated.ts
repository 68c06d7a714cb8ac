// generated — do not edit. Source: broker-sim/spec/amqp-rabbitmq-0.9.1.json, by
// broker-sim/scripts/generate-codec.ts (npm run generate).
/*
 * AMQP 0-9-1 reply codes: every error code of the spec by its name, and whether it closes the connection.
 *
 * Derived from the AMQP 0-9-1 specification as published by RabbitMQ, whose notice follows:
 *
 * Copyright (C) 2008-2020 VMware, Inc. or its affiliates.
 *
 * Permission is hereby granted, free of charge, to any person
 * obtaining a copy of this file (the "Software"), to deal in the
 * Software without restriction, including without limitation the
 * rights to use, copy, modify, merge, publish, distribute,
 * sublicense, and/or sell copies of the Software, and to permit
 * persons to whom the Software is furnished to do so, subject to
 * the following conditions:
 *
 * The above copyright notice and this permission notice shall be
 * included in all copies or substantial portions of the Software.
 *
 * THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND,
 * EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES
 * OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
 * NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT
 * HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY,
 * WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
 * FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR
 * OTHER DEALINGS IN THE SOFTWARE.
 *
 * Class information entered from amqp_xml0-8.pdf and domain types from amqp-xml-doc0-9.pdf
 * Updated for 0-9-1 by Tony Garnock-Jones
 *
 * b3cb053f15e7b98808c0ccc67f23cb3e  amqp_xml0-8.pdf
 * http://twiststandards.org/?option=com_docman&task=cat_view&gid=28&Itemid=90
 * 8444db91e2949dbecfb2585e9eef6d64  amqp-xml-doc0-9.pdf
 * https://jira.amqp.org/confluence/download/attachments/720900/amqp-xml-doc0-9.pdf?version=1
 */
/* eslint-disable */
/** Reply codes of AMQP 0-9-1, by their names in the spec. */
export const ReplyCode = {
  CONTENT_TOO_LARGE: 311,
  NO_ROUTE: 312,
  NO_CONSUMERS: 313,
  ACCESS_REFUSED: 403,
  NOT_FOUND: 404,
  RESOURCE_LOCKED: 405,
  PRECONDITION_FAILED: 406,
  CONNECTION_FORCED: 320,
  INVALID_PATH: 402,
  FRAME_ERROR: 501,
  SYNTAX_ERROR: 502,
  COMMAND_INVALID: 503,
  CHANNEL_ERROR: 504,
  UNEXPECTED_FRAME: 505,
  RESOURCE_ERROR: 506,
  NOT_ALLOWED: 530,
  NOT_IMPLEMENTED: 540,
  INTERNAL_ERROR: 541,
} as const;

/** The reply codes the spec classes as hard errors: they close the connection, the others (soft) a channel. */
export const HARD_ERRORS: ReadonlySet<number> = new Set([320, 402, 501, 502, 503, 504, 505, 506, 530, 540, 541]);

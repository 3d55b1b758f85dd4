using ChatCrm.Core;

namespace ChatCrm.Channels.Inbound;

/// <summary>
/// Wakes the inbound processor as soon as work is accepted, so a message is handled at once rather
/// than at the next tick; the tick remains for retries and for work left by a restart.
/// </summary>
public sealed class InboundSignal : WakeSignal;

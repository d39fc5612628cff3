from _gen import *  # <AUTO GENERATED>


@func_description("Transfers the caller to the reception team.")
@func_parameter("reason", "Why the caller wants a person, in a few words.")
def transfer_to_front_desk(conv: Conversation, reason: str):
    conv.state.handoff_reason = reason
    return {"handoff": "front_desk"}

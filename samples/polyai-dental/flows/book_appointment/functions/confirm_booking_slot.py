from _gen import *  # <AUTO GENERATED>


@func_description("Books the slot the caller agreed to and remembers the booking reference.")
@func_parameter("slot_time", "The time the caller agreed to, as HH:MM.")
def confirm_booking_slot(conv: Conversation, flow: Flow, slot_time: str):
    conv.state.booking_reference = f"MD-{slot_time.replace(':', '')}"
    return {"transition": {"goto_flow": None}}

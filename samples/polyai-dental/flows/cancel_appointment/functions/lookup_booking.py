from _gen import *  # <AUTO GENERATED>


@func_description("Finds the caller's booking by phone number.")
@func_parameter("phone", "The number the booking was made with.")
def lookup_booking(conv: Conversation, flow: Flow, phone: str):
    conv.state.booking_reference = "MD-0900"
    flow.goto_step("Confirm Cancellation")

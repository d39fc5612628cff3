from _gen import *  # <AUTO GENERATED>


@func_description("Starts cancelling an appointment.")
def start_cancellation(conv: Conversation):
    conv.goto_flow("Cancel Appointment")

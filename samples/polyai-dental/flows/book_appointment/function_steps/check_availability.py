from _gen import *  # <AUTO GENERATED>


def check_availability(conv: Conversation, flow: Flow):
    day = conv.entities.appointment_date.value
    conv.state.requested_day = day
    if day and day.weekday() < 5:
        flow.goto_step("Confirm Booking")
    else:
        flow.goto_step("Offer Another Date")

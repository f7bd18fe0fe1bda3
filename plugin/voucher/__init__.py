"""Ecological vouchers (生态券): accounting, market, price fields, styles and the PDF report."""
